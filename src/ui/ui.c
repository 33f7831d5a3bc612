/* placeholder replaced below */
#include "ui.h"
int ui_run(const struct options *o, const struct scenario *sc) { (void)o; (void)sc; return 2; }
