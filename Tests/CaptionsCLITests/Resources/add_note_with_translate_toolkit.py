#!/usr/bin/env python3
"""Add a translator's note to one unit of an XLIFF file with Translate Toolkit, as Weblate does.

Usage: add_note_with_translate_toolkit.py FILE.xlf UNIT-ID TEXT

Loads FILE (XLIFF 1.2 through the format factory, 2.x with translate.storage.xliff2), adds TEXT
as a note from the translator to the unit whose id is UNIT-ID (`addnote(origin="translator")`:
`<note from="translator">` in 1.2, a `<note category="translator">` in 2.x) and saves the file
in place. Exits 1 when no unit has that id.
"""
import sys

import translate_toolkit_store


def main(path, unit_id, text):
    store = translate_toolkit_store.load(path)
    for unit in store.units:
        # Translate Toolkit's 1.2 ids carry the file's `original` before the unit id.
        if not unit.isheader() and unit.getid().endswith(unit_id):
            unit.addnote(text, origin="translator")
            break
    else:
        sys.exit("no unit " + unit_id)
    translate_toolkit_store.save(store, path)


if __name__ == "__main__":
    main(*sys.argv[1:4])
