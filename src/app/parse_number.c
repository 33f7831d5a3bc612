/* parse_number.c - decimal numbers with range checks and no surprises
 * (strtoul accepts spaces, signs and hex; these do not). */
#include "parse_number.h"

bool parse_u64(const char *text, uint64_t min, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!text || !*text)
        return false;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        uint64_t digit = (uint64_t)(*p - '0');
        if (v > (UINT64_MAX - digit) / 10u)
            return false;
        v = v * 10u + digit;
    }
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool parse_u32(const char *text, uint32_t min, uint32_t max, uint32_t *out)
{
    uint64_t v;
    if (!parse_u64(text, min, max, &v))
        return false;
    *out = (uint32_t)v;
    return true;
}

bool parse_i32(const char *text, int32_t min, int32_t max, int32_t *out)
{
    uint64_t v;
    bool negative = text && text[0] == '-';
    if (!parse_u64(negative ? text + 1 : text, 0, 2147483648u, &v))
        return false;
    int64_t s = negative ? -(int64_t)v : (int64_t)v;
    if (s < min || s > max)
        return false;
    *out = (int32_t)s;
    return true;
}
