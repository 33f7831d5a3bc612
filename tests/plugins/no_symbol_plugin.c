/* no_symbol_plugin.c - fifo_plugin.c exported under another name, so it
 * has no candyline_strategy: refused. */
#define FIFO_SYMBOL fifo_strategy
#include "fifo_plugin.c"
