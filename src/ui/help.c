/* help.c - the help overlay: the goal, the keys and what the screen shows. */
#include <string.h>

#include "shift_view.h"

#define HELP_TAB_LINE 10 /* the row of help_lines that names Tab */

static const char *const help_lines[] = {
    "HOW TO PLAY",
    "",
    "Candy rides the belt from the kitchen to your station. Type the",
    "letter shown on the candy in your hands to wrap it; a wrong key",
    "fumbles it for half a second. You can't wrap faster than your",
    "fingers, so watch what the strategy does with the rest:",
    "  table  - waits in plain sight;     hats - hidden, until they burst",
    "  eaten  - lost but counted;         STOPPED belt - backpressure",
    "The supervisor speeds the belt up whenever she sees no backlog.",
    "",
    "  letters  wrap        Tab  supervisor panel     p  pause",
    "  ?        this help   q    end the shift (q again leaves)",
    "  +/-      with a bot worker: run the shift x1 to x32",
    "",
    "Press any key to go back to work.",
};

void help_draw(const struct view *v, bool panel_locked)
{
    int n = (int)(sizeof help_lines / sizeof help_lines[0]);
    int w = 70, h = n + 2;
    int y = (LINES - h) / 2, x = (COLS - w) / 2;
    if (y < 0)
        y = 0;
    if (x < 0)
        x = 0;
    /* The shift behind is frozen while help is up: clear it, rather than
     * leave fragments around the box. */
    erase();
    attron(view_attr(v, PAIR_TITLE, A_REVERSE));
    for (int row = 0; row < h; row++)
        mvhline(y + row, x, ' ', w < COLS ? w : COLS);
    for (int i = 0; i < n; i++)
        draw_text(y + 1 + i, x + 2, "%s",
                  panel_locked && i == HELP_TAB_LINE
                      ? "  letters  wrap        Tab  off: panel hidden    p  pause"
                      : help_lines[i]);
    attroff(view_attr(v, PAIR_TITLE, A_REVERSE));
}
