#!/usr/bin/env python3
"""Write a glossary.yml for the benchmark collection (gen_corpus.py).

The first entries are the nouns of the corpus lexicon (kk | ru | en), so the glossary's terms
really occur in the captions (inflected in Kazakh and Russian) and every check of term-mismatch
has matches to verify; the rest are deterministic made-up terms (one to three words, some with
forbidden variants and notes) that start like real words, so the index is as full as a real
2,000-entry glossary. Same arguments => byte-identical output.

With --kk-as-generated, each lexicon noun's Kazakh is a list: the noun and every form the
corpus generator writes for it (gen_corpus.kk_inflect with its case list), so the collection
agrees with its glossary the way a real museum's does, even where the generator's suffixes are
not Kazakh (ғалымдың for ғалымның).

Example:
    python3 Benchmarks/gen_glossary.py --count 2000 --out /tmp/c50k/Captions/glossary.yml
"""

from __future__ import annotations

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus  # noqa: E402

KK_LETTERS = "аәбгғдеёжзийкқлмнңоөпрстуұүфхһцчшщыіэюя"
RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"
EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def kk_as_generated(noun: str) -> list[str]:
    """The noun and every form gen_corpus writes for it, in the order of its case list, once each."""
    forms = [noun]
    for case in gen_corpus.KK_SUFFIX_NAMES:
        form = gen_corpus.kk_inflect(noun, case)
        if form not in forms:
            forms.append(form)
    return forms


def generate(count: int, seed: int, lexicon: bool = True, kk_generated: bool = False) -> str:
    rng = random.Random(seed)
    lines = ["# Benchmark glossary: lexicon nouns, then made-up terms (Benchmarks/gen_glossary.py)."]
    entries = 0
    for kk, ru, en in gen_corpus.LEX_NOUN if lexicon else []:
        if entries >= count:
            break
        kk_terms = "[" + ", ".join(quoted(form) for form in kk_as_generated(kk)) + "]" if kk_generated else quoted(kk)
        lines.append(f"- {{ id: lexicon-{entries + 1}, kk: {kk_terms}, ru: {quoted(ru)}, en: {quoted(en)} }}")
        entries += 1
    while entries < count:
        n = rng.choice((1, 1, 2, 2, 3))
        kk = " ".join(word(rng, KK_LETTERS) for _ in range(n))
        ru = " ".join(word(rng, RU_LETTERS) for _ in range(n))
        en = " ".join(word(rng, EN_LETTERS) for _ in range(n))
        entry = f"- {{ id: term-{entries + 1}, kk: {quoted(kk)}, ru: [{quoted(ru)}, {quoted(ru + 'а')}], en: {quoted(en)}"
        if rng.random() < 0.2:
            entry += f", forbidden: {{ en: [{quoted(word(rng, EN_LETTERS))}] }}"
        if rng.random() < 0.3:
            entry += f", note: {quoted('Made-up term ' + str(entries + 1))}"
        lines.append(entry + " }")
        entries += 1
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="the glossary file to write")
    ap.add_argument("--count", type=int, default=2000, help="number of entries (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--made-up-only", action="store_true",
                    help="no lexicon entries: terms that never occur, so no findings (the matching cost alone)")
    ap.add_argument("--kk-as-generated", action="store_true",
                    help="each lexicon noun's Kazakh as the noun and every form the corpus generator writes for it "
                         "(the collection agrees with its glossary)")
    args = ap.parse_args(argv)
    if args.made_up_only and args.kk_as_generated:
        ap.error("--kk-as-generated needs the lexicon entries (not --made-up-only)")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(generate(args.count, args.seed, lexicon=not args.made_up_only, kk_generated=args.kk_as_generated))
    return 0


if __name__ == "__main__":
    sys.exit(main())
