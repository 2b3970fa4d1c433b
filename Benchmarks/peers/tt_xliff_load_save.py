#!/usr/bin/env python3
"""Peer: load an XLIFF file with Translate Toolkit's storage API and save it again.

This is what Weblate and other Translate Toolkit based platforms do with every
uploaded XLIFF file. usage: tt_xliff_load_save.py IN.xlf OUT.xlf
"""
import sys

from translate.storage import factory


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    store = factory.getobject(argv[1])
    store.savefile(argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
