#ifndef CAPTIONS_CLIBXML2_SHIM_H
#define CAPTIONS_CLIBXML2_SHIM_H

/* Debian's libxml2 headers include ICU headers that clash with Foundation's own ICU module.
   Disable libxml2's ICU declarations before pulling in anything else; never touch
   xmlCharEncodingHandler fields from Swift because of this. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void captions_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/* libxml2's generic error callback is variadic, which Swift cannot implement: these swap in a
   silent one (and back to the default) so libxml2 never prints on its own. */
static inline void captions_ignoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void captions_xmlSilenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, captions_ignoreGenericError);
}

static inline void captions_xmlRestoreGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
}

#endif
