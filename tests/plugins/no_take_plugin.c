/* no_take_plugin.c - fifo_plugin.c without its take() hook: refused. */
#define FIFO_NAME "notake"
#define FIFO_TAKE NULL
#include "fifo_plugin.c"
