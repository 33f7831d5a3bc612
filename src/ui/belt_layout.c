/* belt_layout.c - where a candy on the belt is drawn (see belt_layout.h). */
#include "belt_layout.h"

int belt_candy_cell(uint32_t odometer, uint32_t placed_odo, uint32_t length, int cells)
{
    if (cells <= 1 || length == 0)
        return 0;
    uint64_t last = (uint64_t)(cells - 1);
    /* The belt's own cell count, less the count when the candy was placed. */
    uint64_t now = (uint64_t)odometer * last / length;
    uint64_t then = (uint64_t)placed_odo * last / length;
    uint64_t cell = now >= then ? now - then : 0;
    return (int)(cell < last ? cell : last);
}
