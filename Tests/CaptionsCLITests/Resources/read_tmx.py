"""Reads a TMX file with Translate Toolkit's translate.storage.tmx and prints what it holds.

Usage: read_tmx.py FILE ID... -- the number of units, then for each ID its source and target.
"""
import sys

from translate.storage import tmx

store = tmx.tmxfile.parsefile(sys.argv[1])
units = {unit.getid(): unit for unit in store.units}
print(len(store.units))
for wanted in sys.argv[2:]:
    unit = units[wanted]
    print(f"{wanted}: {unit.source} => {unit.target}")
