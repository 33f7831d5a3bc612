/* atomic_file.c - FILE.part, then rename (see atomic_file.h). */
#include "atomic_file.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(struct atomic_file *a, const char *path, const char *what, char *err,
                size_t errlen)
{
    struct stat st;
    memset(a, 0, sizeof *a);
    if (path[0] == '\0') {
        snprintf(err, errlen, "%s: expected a file name, not an empty string", what);
        return -1;
    }
    if (strlen(path) >= sizeof a->path) {
        snprintf(err, errlen, "%s: the file name is too long", what);
        return -1;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: cannot write %s: it is a directory; expected a file name",
                 what, path);
        return -1;
    }
    snprintf(a->path, sizeof a->path, "%s", path);
    snprintf(a->part, sizeof a->part, "%s.part", path);
    a->f = fopen(a->part, "w");
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
    if (fflush(a->f) != 0 || fsync(fileno(a->f)) != 0)
        failed = failed ? failed : errno;
    if (fclose(a->f) != 0 && !failed)
        failed = errno;
    a->f = NULL;
    if (!failed && rename(a->part, a->path) != 0)
        failed = errno;
    if (!failed)
        return 0;
    snprintf(err, errlen, "%s: cannot write %s: %s", what, a->path, strerror(failed));
    remove(a->part);
    return -1;
}

void atomic_discard(struct atomic_file *a)
{
    if (!a->f)
        return;
    fclose(a->f);
    a->f = NULL;
    remove(a->part);
}
