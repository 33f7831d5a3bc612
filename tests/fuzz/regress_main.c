/* regress_main.c - replays saved fuzz inputs through one target in a normal
 * (non-fuzzer) build, for make check: every file in each directory given
 * must run without crashing, and every rejected one must come with a
 * message. Usage: fuzz-regress-NAME DIR... ; exit 0 if all pass, else 1. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Reads a whole file. Returns a malloc'd buffer (or NULL) and its size. */
static uint8_t *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        uint8_t *more = realloc(buf, cap * 2u);
        if (!more) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = more;
        cap *= 2u;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = len;
    return buf;
}

static int visible(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

int main(int argc, char **argv)
{
    unsigned accepted = 0, rejected = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct dirent **names;
        int n = scandir(argv[i], &names, visible, alphasort);
        if (n < 0) {
            fprintf(stderr, "%s: cannot read the directory\n", argv[i]);
            return 1;
        }
        for (int k = 0; k < n; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], names[k]->d_name);
            free(names[k]);
            size_t size = 0;
            uint8_t *data = slurp(path, &size);
            if (!data) {
                fprintf(stderr, "not ok - %s: cannot read it\n", path);
                failed++;
                continue;
            }
            char err[1024] = "";
            if (fuzz_target(data, size, err, sizeof err) == 0) {
                accepted++;
            } else if (err[0] == '\0') {
                fprintf(stderr, "not ok - %s: rejected without a message\n", path);
                failed++;
            } else {
                rejected++;
            }
            free(data);
        }
        free(names);
    }
    printf("%s: %u inputs: %u accepted, %u rejected with a message, %u failed\n", argv[0],
           accepted + rejected + failed, accepted, rejected, failed);
    return failed ? 1 : 0;
}
