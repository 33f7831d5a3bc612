/* parse_number.h - strict whole-number parsing for options and files. */
#ifndef CANDYLINE_PARSE_NUMBER_H
#define CANDYLINE_PARSE_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

/* Parses all of text as a decimal number in [min, max]. No sign, no spaces,
 * no trailing characters. Returns false if it is not one. */
bool parse_u64(const char *text, uint64_t min, uint64_t max, uint64_t *out);
bool parse_u32(const char *text, uint32_t min, uint32_t max, uint32_t *out);
/* The same for a signed number in [min, max]; a leading '-' is allowed. */
bool parse_i32(const char *text, int32_t min, int32_t max, int32_t *out);

#endif
