"""Reads an XLIFF file with Translate Toolkit and prints the state it reports for each unit.

Usage: read_xliff_states.py 1.2|2.0 FILE -- one line per unit with a target, in file order.
1.2: `<unit id>: <state name> approved=<isapproved()> review=<isreview()> fuzzy=<isfuzzy()>`,
the state name being Translate Toolkit's own name for get_state_n() (its statemap).
2.0: `<unit id>: approved=<isapproved()> fuzzy=<isfuzzy()> translated=<istranslated()>`
(Xliff2Unit.get_state_n() does not read the file's state in Translate Toolkit 3.20: it stays
`initial`, so it is not printed).
"""
import sys

from translate.storage import xliff, xliff2

version, path = sys.argv[1], sys.argv[2]
if version == "1.2":
    store = xliff.xlifffile.parsefile(path)
    for unit in store.units:
        if unit.target:
            names = {number: name for name, number in unit.statemap.items()}
            state = unit.get_state_n()
            print(
                f"{unit.xmlelement.get('id')}: {names.get(state, state)} approved={unit.isapproved()} "
                f"review={unit.isreview()} fuzzy={unit.isfuzzy()}"
            )
else:
    store = xliff2.Xliff2File.parsefile(path)
    for unit in store.units:
        if unit.target:
            print(
                f"{unit.getunitelement().get('id')}: approved={unit.isapproved()} fuzzy={unit.isfuzzy()} "
                f"translated={unit.istranslated()}"
            )
