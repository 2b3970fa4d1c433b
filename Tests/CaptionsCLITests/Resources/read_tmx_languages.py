"""Reads a TMX file with Translate Toolkit's translate.storage.tmx and prints every language of
some units.

Usage: read_tmx_languages.py FILE ID... -- the number of units, then for each ID one line per
<tuv>: its language and text.
"""
import sys

from translate.storage import tmx

store = tmx.tmxfile.parsefile(sys.argv[1])
units = {unit.getid(): unit for unit in store.units}
print(len(store.units))
for wanted in sys.argv[2:]:
    unit = units[wanted]
    for node in unit.getlanguageNodes():
        language = node.get("{http://www.w3.org/XML/1998/namespace}lang")
        print(f"{wanted} {language}: {unit.getNodeText(node)}")
