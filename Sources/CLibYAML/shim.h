#ifndef CAPTIONS_CLIBYAML_SHIM_H
#define CAPTIONS_CLIBYAML_SHIM_H

/* libyaml's event API (Debian libyaml-dev): the caption loader reads events directly and keeps
   each scalar's line and column, without building a node tree first. */
#include <yaml.h>

#endif
