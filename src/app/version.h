/* version.h - the game's version, shown by --version and in reports. */
#ifndef CANDYLINE_VERSION_H
#define CANDYLINE_VERSION_H

#define CANDYLINE_VERSION "0.1.0"

#endif
