/* clash_plugin.c - fifo_plugin.c named "drop", like a built-in: refused. */
#define FIFO_NAME "drop"
#include "fifo_plugin.c"
