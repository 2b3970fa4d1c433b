"""Reads a TBX file with Translate Toolkit's translate.storage.tbx and prints what it holds.

Usage: read_tbx.py FILE LANG... -- one line per entry: its id, then for each language its
terms (deprecated ones marked with '!'), then its notes.
"""
import sys

from translate.storage import tbx

store = tbx.tbxfile.parsefile(sys.argv[1])
languages = sys.argv[2:]
for unit in store.units:
    parts = [unit.getid() or ""]
    for language in languages:
        terms = unit.get_target_terms(language)
        parts.append(language + ": " + " | ".join(("!" if t.deprecated else "") + t.text for t in terms))
    notes = unit.getnotes()
    if notes:
        parts.append("notes: " + notes.replace("\n", " / "))
    print("; ".join(parts))
