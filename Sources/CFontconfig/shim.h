#ifndef CAPTIONS_CFONTCONFIG_SHIM_H
#define CAPTIONS_CFONTCONFIG_SHIM_H

/* fontconfig (Debian libfontconfig-dev): a panel's typeface given as a family name (and style)
   is resolved to a font file, and a substituted family is noticed. */
#include <fontconfig/fontconfig.h>

#endif
