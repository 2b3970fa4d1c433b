#!/usr/bin/env python3
"""Fill the empty targets of an XLIFF file with Translate Toolkit, the way Weblate saves them.

Usage: fill_with_translate_toolkit.py FILE.xlf

Loads FILE with Translate Toolkit (XLIFF 1.2 through its format factory; 2.x with
translate.storage.xliff2, since the factory sends every .xlf to the 1.2 reader), gives every
unit that has no translation yet (no target, an empty one, or a copy of the source) the target
"[<lang>] <source>", marks it translated and not approved (state="translated", approved="no",
as Weblate writes), and saves the file in place. Prints how many units it filled.
"""
import sys

import translate_toolkit_store


def main(path):
    store = translate_toolkit_store.load(path)
    language = store.gettargetlanguage()
    filled = 0
    for unit in store.units:
        if unit.isheader():
            continue
        if not unit.target or unit.target == unit.source:
            unit.target = "[%s] %s" % (language, unit.source)
            unit.markfuzzy(False)
            if hasattr(unit, "markapproved"):
                unit.markapproved(False)
            filled += 1
    translate_toolkit_store.save(store, path)
    print(filled)


if __name__ == "__main__":
    main(sys.argv[1])
