/* escape_plugin.c - fifo_plugin.c whose lesson would clear the screen
 * (a terminal escape): refused, so --list-strategies never prints it. */
#define FIFO_NAME "escape"
#define FIFO_LESSON "Clears your screen: \033[2J"
#include "fifo_plugin.c"
