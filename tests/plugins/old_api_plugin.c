/* old_api_plugin.c - fifo_plugin.c written for interface version 1: refused. */
#define FIFO_API_VERSION 1
#define FIFO_NAME "oldfifo"
#include "fifo_plugin.c"
