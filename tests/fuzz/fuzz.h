/* fuzz.h - the one function each fuzz target (tests/fuzz/fuzz_NAME.c)
 * provides. libfuzzer_main.c drives it under libFuzzer (make fuzz);
 * regress_main.c runs saved inputs through it in a normal build (make
 * check). */
#ifndef CANDYLINE_FUZZ_H
#define CANDYLINE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Feeds one input (size bytes, not NUL-terminated) to the code under test.
 * Returns 0 if the input was accepted, or -1 if it was rejected, with the
 * message the user would see in err (it must not be empty). A broken
 * invariant aborts. */
int fuzz_target(const uint8_t *data, size_t size, char *err, size_t errlen);

#endif
