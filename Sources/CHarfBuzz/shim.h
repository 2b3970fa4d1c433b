#ifndef CAPTIONS_CHARFBUZZ_SHIM_H
#define CAPTIONS_CHARFBUZZ_SHIM_H

/* HarfBuzz (Debian libharfbuzz-dev): panel widths are measured by shaping the text with the
   configured font, with HarfBuzz's own OpenType font functions (no FreeType needed). */
#include <hb.h>
#include <hb-ot.h>

#endif
