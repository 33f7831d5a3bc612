/* atomic_file.h - writes a file all at once or not at all: the text goes
 * to FILE.part beside it, and only a whole, flushed file is renamed to FILE.
 * Used by --chart. */
#ifndef CANDYLINE_ATOMIC_FILE_H
#define CANDYLINE_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

struct atomic_file {
    FILE *f;         /* the .part file, NULL when closed */
    char path[1024]; /* the name asked for */
    char part[1040]; /* where it is written until committed */
};

/* Opens path.part for writing. what names the option in messages
 * ("--chart"). A path that is a directory, too long, or in a directory that
 * cannot be written is refused. Returns 0, or -1 with a message in err
 * (nothing is left on disk). */
int atomic_open(struct atomic_file *a, const char *path, const char *what, char *err,
                size_t errlen);

/* Flushes, syncs and renames the .part file to its name. Returns 0, or -1
 * with a message in err, the .part file removed. */
int atomic_commit(struct atomic_file *a, const char *what, char *err, size_t errlen);

/* Closes and removes the .part file (nothing if not open). */
void atomic_discard(struct atomic_file *a);

#endif
