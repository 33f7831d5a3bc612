/* atomic_file.c - FILE.part, then rename (see atomic_file.h). */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(struct atomic_file *a, const char *path, const char *what, char *err,
                size_t errlen)
{
    memset(a, 0, sizeof *a);
    if (path[0] == '\0') {
        snprintf(err, errlen, "%s: expected a file name, not an empty string", what);
        return -1;
    }
    if (strlen(path) >= sizeof a->path) {
        snprintf(err, errlen, "%s: the file name is too long", what);
        return -1;
    }
    if (output_target(path, what, a->path, sizeof a->path, &a->in_place, err, errlen) < 0)
        return -1;
    snprintf(a->part, sizeof a->part, "%s.part", a->path);
    a->f = output_open(a->path, a->part, a->in_place);
    if (!a->f) {
        snprintf(err, errlen, "%s: cannot write %s: %s", what, path, strerror(errno));
        return -1;
    }
    return 0;
}

int atomic_commit(struct atomic_file *a, const char *what, char *err, size_t errlen)
{
    if (!a->f) {
        snprintf(err, errlen, "%s: %s is not open", what, a->path);
        return -1;
    }
    int failed = ferror(a->f) ? EIO : 0;
    if (fflush(a->f) != 0 || (!a->in_place && fsync(fileno(a->f)) != 0))
        failed = failed ? failed : errno;
    if (fclose(a->f) != 0 && !failed)
        failed = errno;
    a->f = NULL;
    if (!failed && !a->in_place && rename(a->part, a->path) != 0)
        failed = errno;
    if (!failed)
        return 0;
    snprintf(err, errlen, "%s: cannot write %s: %s", what, a->path, strerror(failed));
    if (!a->in_place)
        remove(a->part);
    return -1;
}

void atomic_discard(struct atomic_file *a)
{
    if (!a->f)
        return;
    fclose(a->f);
    a->f = NULL;
    if (!a->in_place)
        remove(a->part);
}

int output_target(const char *path, const char *what, char *target, size_t len, bool *in_place,
                  char *err, size_t errlen)
{
    struct stat st;
    *in_place = false;
    if (strlen(path) >= len) {
        snprintf(err, errlen, "%s: the file name is too long", what);
        return -1;
    }
    snprintf(target, len, "%s", path);
    if (lstat(path, &st) != 0)
        return 0; /* a new file */
    if (S_ISLNK(st.st_mode)) {
        /* Replace the file the link names, and keep the link. */
        char *real = realpath(path, NULL);
        if (!real) {
            snprintf(err, errlen, "%s: %s is a symbolic link to a missing file (%s); expected "
                                  "a file name", what, path, strerror(errno));
            return -1;
        }
        if (strlen(real) >= len) {
            free(real);
            snprintf(err, errlen, "%s: the file %s links to has too long a name", what, path);
            return -1;
        }
        snprintf(target, len, "%s", real);
        free(real);
        if (stat(target, &st) != 0)
            return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: cannot write %s: it is a directory; expected a file name",
                 what, path);
        return -1;
    }
    /* /dev/null, /dev/stdout, a FIFO: write into it, never replace it. */
    *in_place = !S_ISREG(st.st_mode);
    return 0;
}

FILE *output_open(const char *target, const char *part, bool in_place)
{
    if (in_place)
        return fopen(target, "w");
    /* A .part left by a crash, or a link planted under its name, goes:
     * the new one is created afresh, never followed. */
    if (unlink(part) != 0 && errno != ENOENT)
        return NULL;
    int fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    if (!f)
        close(fd);
    return f;
}
