/* scores_file.c - the score file on disk (see scores.h): read it, and add
 * an entry under an exclusive lock with a timeout, by writing a temp file
 * beside it and renaming it over the old one, which survives any failure. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scores.h"

#define PATH_MAX_ 1100

/* Reads all of fd into a malloc'd, NUL-terminated buffer. Returns 0, or -1
 * with errno set (EFBIG: bigger than SCORES_FILE_MAX). */
static int read_all(int fd, char **text, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > SCORES_FILE_MAX) {
                free(buf);
                errno = EFBIG;
                return -1;
            }
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                errno = ENOMEM;
                return -1;
            }
            buf = p;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

int scores_load(const char *path, struct score_table *t, char *warn, size_t warnlen)
{
    warn[0] = '\0';
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
        return 0; /* no file yet (ENOTDIR: not even its directory) */
    if (fd < 0) {
        snprintf(warn, warnlen, "cannot read %s: %s", path, strerror(errno));
        return 2;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
        close(fd);
        snprintf(warn, warnlen, "cannot read %s: it is not a regular file", path);
        return 2;
    }
    char *text;
    size_t len;
    if (read_all(fd, &text, &len) < 0) {
        int e = errno;
        close(fd);
        if (e == ENOMEM)
            return -1;
        snprintf(warn, warnlen, "cannot read %s: %s", path,
                 e == EFBIG ? "it is too big for a score file" : strerror(e));
        return 2;
    }
    close(fd);
    char why[400];
    int bad = scores_parse(text, len, t, why, sizeof why);
    free(text);
    if (bad == -2)
        return -1;
    if (bad == -1) {
        snprintf(warn, warnlen, "%s: %s; it is left as it is and no score is saved", path, why);
        return 2;
    }
    if (bad > 0) {
        snprintf(warn, warnlen, "%s: %s; %s skipped", path, why,
                 bad == 1 ? "that line is" : "those lines are");
        return 1;
    }
    return 0;
}

/* mkdir -p: creates each missing directory of dir with mode 0700. */
static int make_dirs(const char *dir, char *warn, size_t warnlen)
{
    char buf[PATH_MAX_];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        struct stat st;
        if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
            snprintf(warn, warnlen, "cannot create the directory %s: %s", buf, strerror(errno));
            return -1;
        }
        if (stat(buf, &st) != 0) {
            snprintf(warn, warnlen, "cannot create the directory %s: %s", buf, strerror(errno));
            return -1;
        }
        if (!S_ISDIR(st.st_mode)) {
            snprintf(warn, warnlen, "cannot create the directory %s: a file of that name is in "
                     "the way", buf);
            return -1;
        }
        *p = c;
        if (c == '\0')
            return 0;
    }
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Opens and locks lock_path, trying for lock_ms. Returns the descriptor
 * (closing it unlocks), or -1 with why in warn. */
static int take_lock(const char *lock_path, int lock_ms, char *warn, size_t warnlen)
{
    int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(warn, warnlen, "cannot open the lock file %s: %s", lock_path, strerror(errno));
        return -1;
    }
    uint64_t deadline = now_ms() + (uint64_t)(lock_ms > 0 ? lock_ms : 0);
    for (;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        if (errno != EWOULDBLOCK && errno != EINTR) {
            snprintf(warn, warnlen, "cannot lock %s: %s", lock_path, strerror(errno));
            break;
        }
        if (errno == EWOULDBLOCK && now_ms() >= deadline) {
            snprintf(warn, warnlen, "another candyline held %s for %d.%d s, so the score was "
                     "not saved", lock_path, lock_ms / 1000, lock_ms % 1000 / 100);
            break;
        }
        struct timespec nap = {0, 20 * 1000000L};
        nanosleep(&nap, NULL);
    }
    close(fd);
    return -1;
}

/* Writes text to a new temp file beside path and renames it to path.
 * Returns 0, or -1 with why in warn and no temp file left. */
static int replace_file(const char *path, const char *text, char *warn, size_t warnlen)
{
    char tmp[PATH_MAX_ + 16];
    snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(warn, warnlen, "cannot write a temp file beside %s: %s; the score was not saved",
                 path, strerror(errno));
        return -1;
    }
    int err = fchmod(fd, 0600) == 0 ? 0 : errno;
    size_t len = strlen(text), done = 0;
    while (!err && done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            err = w < 0 ? errno : EIO;
        else
            done += (size_t)w;
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        unlink(tmp);
        snprintf(warn, warnlen, "cannot write %s: %s; the old file is kept and the score was "
                 "not saved", path, strerror(err));
        return -1;
    }
    return 0;
}

/* The directory part of path ("." if none). */
static void dir_of(const char *path, char *dir, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, len, ".");
    else if (slash == path)
        snprintf(dir, len, "/");
    else
        snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

int scores_add(const char *path, const struct score_entry *e, int lock_ms, int *rank,
               struct score_table *t, char *warn, size_t warnlen)
{
    char dir[PATH_MAX_], lock_path[PATH_MAX_ + 8];
    struct score_table merged;
    int status = -1, lock = -1;
    char *text = NULL;
    scores_init(&merged);
    warn[0] = '\0';
    *rank = -1;
    if (strlen(path) >= PATH_MAX_ - 16) {
        snprintf(warn, warnlen, "the path of the score file is too long: %s", path);
        return -1;
    }
    dir_of(path, dir, sizeof dir);
    snprintf(lock_path, sizeof lock_path, "%s.lock", path);
    if (make_dirs(dir, warn, warnlen) < 0)
        goto out;
    lock = take_lock(lock_path, lock_ms, warn, warnlen);
    if (lock < 0)
        goto out;
    int loaded = scores_load(path, &merged, warn, warnlen);
    if (loaded == -1 || loaded == 2) {
        if (loaded == -1)
            snprintf(warn, warnlen, "out of memory reading %s", path);
        goto out;
    }
    *rank = scores_insert(&merged, e);
    if (*rank == -2) {
        *rank = -1;
        snprintf(warn, warnlen, "out of memory adding the score to %s", path);
        goto out;
    }
    if (*rank >= 0) {
        char why[700];
        text = scores_format(&merged);
        if (!text) {
            *rank = -1;
            snprintf(warn, warnlen, "out of memory writing %s", path);
            goto out;
        }
        if (replace_file(path, text, why, sizeof why) < 0) {
            *rank = -1;
            snprintf(warn, warnlen, "%s", why);
            goto out;
        }
        int dfd = open(dir, O_RDONLY | O_CLOEXEC);
        if (dfd >= 0) { /* the rename itself lasts a crash (best effort) */
            (void)fsync(dfd);
            close(dfd);
        }
        if (loaded == 1) {
            size_t used = strlen(warn);
            if (used < warnlen)
                snprintf(warn + used, warnlen - used, " (and left out of the file)");
        }
    }
    status = 0;
out:
    if (lock >= 0)
        close(lock);
    free(text);
    if (t && status == 0) {
        scores_free(t);
        *t = merged;
    } else {
        scores_free(&merged);
    }
    return status;
}
