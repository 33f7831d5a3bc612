/* glyphs.c - the Unicode and ASCII glyph sets. */
#include "glyphs.h"

static const struct glyphs unicode_set = {
    .candy = "\u25cf",
    .empty_slot = "\u00b7",
    .hat = "^",
    .eaten = "x",
    .belt = {"\u2550", "\u256a"},
    .roller = "\u25ce",
    .arrow = "\u25b6",
    .stopped = "\u25a0",
    .bar_full = "\u2588",
    .bar_empty = "\u2591",
    .spark = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"},
    .vline = "\u2502",
    .hline = "\u2500",
    .pile = "\u25cf",
};

static const struct glyphs ascii_set = {
    .candy = "o",
    .empty_slot = ".",
    .hat = "^",
    .eaten = "x",
    .belt = {"=", "+"},
    .roller = "O",
    .arrow = ">",
    .stopped = "#",
    .bar_full = "#",
    .bar_empty = ".",
    .spark = {"_", ".", ",", "-", "~", "+", "*", "#"},
    .vline = "|",
    .hline = "-",
    .pile = "o",
};

const struct glyphs *glyphs_pick(bool unicode)
{
    return unicode ? &unicode_set : &ascii_set;
}
