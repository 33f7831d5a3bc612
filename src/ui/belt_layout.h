/* belt_layout.h - where a candy on the belt is drawn: pure arithmetic, no
 * ncurses, so the unit tests can check it. */
#ifndef CANDYLINE_BELT_LAYOUT_H
#define CANDYLINE_BELT_LAYOUT_H

#include <stdint.h>

/* The cell (0 to cells - 1) of a belt drawn cells wide, for a candy placed
 * when the belt's odometer read placed_odo, now that it reads odometer; the
 * belt is length odometer units long. Every candy changes cell at the same
 * odometer readings (when the belt itself crosses a cell boundary), so one
 * frame moves them all and no frame moves just one. */
int belt_candy_cell(uint32_t odometer, uint32_t placed_odo, uint32_t length, int cells);

#endif
