/* key_screen.c - the loop of the screens that wait for keys: redraw when
 * something changed, then sleep in term_wait() until a key or a signal. */
#include "key_screen.h"

#include <curses.h>

#include "shift_loop.h"
#include "shift_view.h"
#include "term.h"

bool screen_too_small(void)
{
    return COLS < VIEW_MIN_COLS || LINES < VIEW_MIN_LINES;
}

int key_screen_run(void (*draw)(void *ctx), int (*key)(void *ctx, int ch, bool small),
                   void *ctx)
{
    bool dirty = true;
    for (;;) {
        ui_check_signals();
        if (dirty) {
            if (screen_too_small())
                enlarge_draw();
            else
                draw(ctx);
            refresh();
            dirty = false;
        }
        term_wait(-1);
        if (term_resumed())
            dirty = true;
        int ch;
        while ((ch = getch()) != ERR) {
            dirty = true;
            int done = key(ctx, ch, screen_too_small());
            if (done)
                return done;
        }
    }
}
