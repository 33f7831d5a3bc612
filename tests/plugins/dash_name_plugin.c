/* dash_name_plugin.c - fifo_plugin.c named "-x", which no spec could
 * start with: refused. */
#define FIFO_NAME "-x"
#include "fifo_plugin.c"
