/* silent_plugin.c - fifo_plugin.c whose configure() refuses every spec
 * without a word: the message must still be whole and clean. */
#define FIFO_NAME "silent"
#define FIFO_SILENT_REFUSAL
#include "fifo_plugin.c"
