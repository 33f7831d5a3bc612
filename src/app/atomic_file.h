/* atomic_file.h - writes a file all at once or not at all: the text goes
 * to FILE.part beside it, and only a whole, flushed file is renamed to FILE.
 * Used by --chart; output_target() and output_open() by every file the
 * game writes (recordings, casts). */
#ifndef CANDYLINE_ATOMIC_FILE_H
#define CANDYLINE_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct atomic_file {
    FILE *f;         /* the .part file, NULL when closed */
    char path[1024]; /* the name asked for */
    char part[1040]; /* where it is written until committed */
    bool in_place;   /* a device or FIFO: written directly, never replaced */
};

/* Where a file asked for as path is written: a symbolic link is followed
 * (the link stays, the file it names is replaced); a device, FIFO or other
 * file that is not a regular one (/dev/null, /dev/stdout) is written in
 * place (*in_place), never replaced. A directory or a dangling link is
 * refused. Returns 0 with target filled, or -1 with a message in err. */
int output_target(const char *path, const char *what, char *target, size_t len, bool *in_place,
                  char *err, size_t errlen);

/* Opens the file to write: target itself when in_place, else part created
 * afresh (an old part file or a link under its name is removed first,
 * never followed). NULL with errno set on failure. */
FILE *output_open(const char *target, const char *part, bool in_place);

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
