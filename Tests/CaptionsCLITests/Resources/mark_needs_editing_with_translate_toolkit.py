#!/usr/bin/env python3
"""Translate units of an XLIFF 1.2 file with Translate Toolkit, some marked "Needs editing".

Usage: mark_needs_editing_with_translate_toolkit.py FILE.xlf (draft|done) ID TEXT [...]

Loads FILE with Translate Toolkit's XLIFF 1.2 store and gives each unit ID the target TEXT:
"draft" marks it fuzzy, as Weblate saves a string marked "Needs editing" (markfuzzy(True):
approved="no", state="needs-translation"); "done" marks it translated and not approved, as
Weblate saves a translated string (state="translated", approved="no"). Saves the file in place.
"""
import sys

from translate.storage import xliff


def main(path, edits):
    store = xliff.xlifffile.parsefile(path)
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    for mark, unit_id, text in edits:
        unit = units[unit_id]
        unit.target = text
        if mark == "draft":
            unit.markfuzzy(True)
        else:
            unit.markfuzzy(False)
            unit.markapproved(False)
    with open(path, "wb") as handle:
        store.serialize(handle)


if __name__ == "__main__":
    arguments = sys.argv[2:]
    main(sys.argv[1], [tuple(arguments[i : i + 3]) for i in range(0, len(arguments), 3)])
