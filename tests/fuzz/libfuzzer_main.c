/* libfuzzer_main.c - the libFuzzer entry point shared by every fuzz target:
 * runs the input through fuzz_target() and aborts (a finding) when an input
 * is rejected without a message. Built only by `make fuzz`, with clang. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1024] = "";
    if (fuzz_target(data, size, err, sizeof err) < 0 && err[0] == '\0') {
        fprintf(stderr, "fuzz: the input was rejected without a message\n");
        abort();
    }
    return 0;
}
