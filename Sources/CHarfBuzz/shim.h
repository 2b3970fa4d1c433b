#ifndef CAPTIONS_CHARFBUZZ_SHIM_H
#define CAPTIONS_CHARFBUZZ_SHIM_H

/* HarfBuzz (Debian libharfbuzz-dev): panel widths are measured by shaping the text with the
   configured font, with HarfBuzz's own OpenType font functions (no FreeType needed). */
#include <hb.h>
#include <hb-ot.h>

/* A hint to the processor to fetch the cache line at `address` for reading: the word-width
   tables ask for the slots of a line's words before measuring them, so the reads overlap. */
static inline void captions_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
