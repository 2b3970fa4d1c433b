#!/usr/bin/env python3
"""Self-test of Benchmarks/gen_corpus.py (standard library unittest; pytest runs it too).

    python3 -m unittest Benchmarks/test_gen_corpus.py -v
    python3 -m pytest Benchmarks/test_gen_corpus.py
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402  (imported after the path tweak on purpose)

try:
    import yaml  # PyYAML, optional: only the "every file parses" part needs it
except ImportError:  # pragma: no cover - depends on the machine
    yaml = None

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def generate(out, count, *extra):
    """Run the generator in-process (fast) with the given command-line options."""
    rc = gen_corpus.main(["--out", out, "--count", str(count), "--quiet", *extra])
    assert rc == 0


def tree(root):
    """{relative path: bytes} for every file under root."""
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                files[os.path.relpath(path, root)] = fh.read()
    return files


def exhibit_files(root):
    return sorted(p for p in tree(os.path.join(root, "Captions")) if p.count(os.sep) == 1)


def po_entries(path):
    """Parse the simple PO files we write: list of (msgctxt, msgid, msgstr), header skipped."""
    entries, cur, key = [], None, None

    def unquote(s):
        return s[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("msgctxt "):
                cur = {"msgctxt": unquote(line[8:]), "msgid": "", "msgstr": ""}
                entries.append(cur)
                key = "msgctxt"
            elif line.startswith("msgid ") or line.startswith("msgstr "):
                key, _, rest = line.partition(" ")
                if cur is not None:
                    cur[key] = unquote(rest)
            elif line.startswith('"') and cur is not None:
                cur[key] += unquote(line)
    return [(e["msgctxt"], e["msgid"], e["msgstr"]) for e in entries]


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gen_corpus_test_")
        cls.a50 = os.path.join(cls.tmp, "a50")
        cls.b50 = os.path.join(cls.tmp, "b50")
        cls.c20 = os.path.join(cls.tmp, "c20")
        cls.d2000 = os.path.join(cls.tmp, "d2000")
        generate(cls.a50, 50, "--seed", "7", "--xliff")
        generate(cls.b50, 50, "--seed", "7", "--xliff")
        generate(cls.c20, 20, "--seed", "7", "--xliff")
        generate(cls.d2000, 2000, "--seed", "3")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_same_seed_is_byte_identical(self):
        a, b = tree(self.a50), tree(self.b50)
        self.assertEqual(sorted(a), sorted(b))
        for path in a:
            self.assertEqual(a[path], b[path], f"{path} differs between two runs")
        self.assertEqual(len(exhibit_files(self.a50)), 50)

    def test_other_seed_differs(self):
        other = os.path.join(self.tmp, "seed8")
        generate(other, 50, "--seed", "8")
        self.assertNotEqual(tree(os.path.join(other, "Captions")),
                            tree(os.path.join(self.a50, "Captions")))

    def test_n20_is_prefix_of_n50(self):
        small = tree(os.path.join(self.c20, "Captions"))
        big = tree(os.path.join(self.a50, "Captions"))
        self.assertEqual(len([p for p in small if p.endswith(".yml")]), 21)  # + captions.yml
        for path, data in small.items():
            self.assertIn(path, big)
            self.assertEqual(data, big[path], f"{path} differs between N=20 and N=50")
        # The PO files of N=20 are a prefix of those of N=50, too.
        for lang in ("kk", "en"):
            with open(os.path.join(self.c20, "po", f"{lang}.po"), "rb") as fh:
                p20 = fh.read()
            with open(os.path.join(self.a50, "po", f"{lang}.po"), "rb") as fh:
                p50 = fh.read()
            self.assertTrue(p50.startswith(p20), f"{lang}.po of N=20 is not a prefix of N=50")

    def test_exhibit_files_parse(self):
        if yaml is None:
            self.skipTest("PyYAML is not installed: YAML parse check skipped "
                          "(pip install pyyaml to run it)")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        root = os.path.join(self.d2000, "Captions")
        with open(os.path.join(root, "captions.yml"), encoding="utf-8") as fh:
            config = yaml.load(fh, Loader=loader)
        self.assertEqual(config["languages"], ["kk", "ru", "en"])
        self.assertEqual(config["source"], "ru")
        for rel in exhibit_files(self.d2000):
            with open(os.path.join(root, rel), encoding="utf-8") as fh:
                doc = yaml.load(fh, Loader=loader)
            stem = os.path.splitext(os.path.basename(rel))[0]
            self.assertEqual(doc["id"], stem, rel)
            self.assertRegex(doc["id"], ID_RE)
            self.assertLessEqual(set(doc), {"id", "title", "text", "credit", "notes"}, rel)
            for field in ("title", "text"):
                self.assertIn("ru", doc[field], rel)
            for field in ("title", "text", "credit"):
                for lang, value in doc.get(field, {}).items():
                    self.assertIn(lang, ("kk", "ru", "en"), rel)
                    self.assertIsInstance(value, str, f"{rel}: {field}.{lang}")
                    self.assertTrue(value.strip(), f"{rel}: {field}.{lang} is empty")
            for lang, value in doc["text"].items():
                n = len(value.split())
                self.assertTrue(40 <= n <= 160, f"{rel}: text.{lang} has {n} words")

    def test_ids_and_layout_without_yaml(self):
        """Checks that need no YAML parser: file names, id line, block scalars."""
        root = os.path.join(self.d2000, "Captions")
        ids = set()
        for rel in exhibit_files(self.d2000):
            stem = os.path.splitext(os.path.basename(rel))[0]
            self.assertRegex(stem, ID_RE)
            self.assertNotIn(stem, ids, "duplicate id")
            ids.add(stem)
            with open(os.path.join(root, rel), encoding="utf-8") as fh:
                text = fh.read()
            self.assertTrue(text.startswith(f"id: {stem}\n"), rel)
            self.assertIn("\ntext:\n", text, rel)
            self.assertIn("\n  ru: |\n", text, rel)
            self.assertNotIn("\t", text)
        self.assertEqual(len(ids), 2000)

    def test_about_five_percent_missing(self):
        units = {"kk": 0, "en": 0}
        missing = {"kk": 0, "en": 0}
        for lang in units:
            for ctx, msgid, msgstr in po_entries(os.path.join(self.d2000, "po", f"{lang}.po")):
                units[lang] += 1
                self.assertTrue(msgid, f"{ctx}: empty source")
                missing[lang] += msgstr == ""
        for lang in units:
            share = missing[lang] / units[lang]
            self.assertTrue(0.035 <= share <= 0.065, f"{lang}: {share:.3f} of units missing")
        # The YAML files agree: count the language keys that are absent.
        yaml_missing = {"kk": 0, "en": 0}
        root = os.path.join(self.d2000, "Captions")
        for rel in exhibit_files(self.d2000):
            with open(os.path.join(root, rel), encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            # Each field block starts at a top-level "<field>:" line; its
            # language keys are the "  xx:" lines that follow.
            present, field = {}, None
            for line in lines:
                if line in ("title:", "text:", "credit:"):
                    field = line[:-1]
                    present[field] = set()
                elif field and line[:2] == "  " and line[2:4] in ("kk", "ru", "en") \
                        and line[4] == ":":
                    present[field].add(line[2:4])
            for langs in present.values():
                for lang in yaml_missing:
                    yaml_missing[lang] += lang not in langs
        self.assertEqual(yaml_missing, missing)

    def test_po_msgctxt_is_id_dot_field(self):
        ids = {os.path.splitext(os.path.basename(p))[0] for p in exhibit_files(self.a50)}
        for lang in ("kk", "en"):
            path = os.path.join(self.a50, "po", f"{lang}.po")
            entries = po_entries(path)
            self.assertGreaterEqual(len(entries), 100)  # title + text for 50 exhibits
            seen = set()
            for ctx, _, _ in entries:
                ex_id, _, field = ctx.rpartition(".")
                self.assertIn(ex_id, ids, ctx)
                self.assertIn(field, ("title", "text", "credit"), ctx)
                self.assertNotIn(ctx, seen)
                seen.add(ctx)
            with open(path, encoding="utf-8") as fh:
                head = fh.read(2000)
            self.assertIn('msgid ""\nmsgstr ""\n', head)
            self.assertIn("Content-Type: text/plain; charset=UTF-8", head)
            self.assertIn(f"Language: {lang}\\n", head)

    def test_msgfmt_accepts_po(self):
        if shutil.which("msgfmt") is None:
            self.skipTest("msgfmt (gettext) not installed")
        for lang in ("kk", "en"):
            r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                                os.path.join(self.d2000, "po", f"{lang}.po")],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_xmllint_accepts_xliff(self):
        if shutil.which("xmllint") is None:
            self.skipTest("xmllint (libxml2-utils) not installed")
        r = subprocess.run(["xmllint", "--noout", os.path.join(self.a50, "xliff", "ru-kk.xlf")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_kazakh_letters_at_realistic_frequency(self):
        letters = special = 0
        for ctx, _, msgstr in po_entries(os.path.join(self.d2000, "po", "kk.po")):
            for ch in msgstr:
                if ch.isalpha():
                    letters += 1
                    special += ch in KK_LETTERS
        share = special / letters
        # Real Kazakh prose has roughly 12-17 % of its letters from ә ғ қ ң ө ұ ү һ і.
        self.assertTrue(0.10 <= share <= 0.20, f"Kazakh-specific letters: {share:.3f}")

    def test_numbers_and_credits(self):
        root = os.path.join(self.d2000, "Captions")
        with_credit = with_digits = 0
        files = exhibit_files(self.d2000)
        for rel in files:
            with open(os.path.join(root, rel), encoding="utf-8") as fh:
                text = fh.read()
            with_credit += "\ncredit:\n" in text
            with_digits += bool(re.search(r"\b1[0-9]{3}\b", text))
        self.assertTrue(0.25 <= with_credit / len(files) <= 0.35, with_credit)
        self.assertGreater(with_digits / len(files), 0.5)

    def test_missing_rate_zero_and_omit_keep_the_texts(self):
        full = os.path.join(self.tmp, "full")
        nokk = os.path.join(self.tmp, "nokk")
        generate(full, 50, "--seed", "7", "--missing-rate", "0", "--no-po")
        generate(nokk, 50, "--seed", "7", "--omit", "kk", "--no-po")
        self.assertFalse(os.path.exists(os.path.join(full, "po")))
        full_files = tree(os.path.join(full, "Captions"))
        nokk_files = tree(os.path.join(nokk, "Captions"))
        base = tree(os.path.join(self.a50, "Captions"))
        for rel in exhibit_files(full):
            f_text = full_files[rel].decode("utf-8")
            n_text = nokk_files[rel].decode("utf-8")
            self.assertNotIn("\n  kk:", n_text)
            self.assertEqual(f_text.count("\n  kk:"), f_text.count("\n  ru:"))
            # Every line of the default corpus (with ~5 % missing) is in the full one.
            for line in base[rel].decode("utf-8").split("\n"):
                self.assertIn(line, f_text.split("\n"))


class GenGlossaryTests(unittest.TestCase):
    """Benchmarks/gen_glossary.py's --kk-as-generated: the lexicon nouns in the corpus's own Kazakh forms."""

    def write(self, *extra):
        import gen_glossary
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "glossary.yml")
            self.assertEqual(gen_glossary.main(["--out", out, "--count", "300", *extra]), 0)
            with open(out, encoding="utf-8") as fh:
                return fh.read().split("\n")

    def test_kk_as_generated_lists_every_generated_form(self):
        plain = self.write()
        agreeing = self.write("--kk-as-generated")
        self.assertEqual(
            agreeing[1],
            '- { id: lexicon-1, kk: ["мұражай", "мұражайдың", "мұражайға", "мұражайда", "мұражайнан", '
            '"мұражайдар"], ru: "музей", en: "museum" }')
        nouns = len(gen_corpus.LEX_NOUN)
        for (kk, ru, en), line in zip(gen_corpus.LEX_NOUN, agreeing[1:nouns + 1]):
            listed = re.search(r"kk: \[(.*?)\], ru:", line).group(1)
            forms = [kk] + [gen_corpus.kk_inflect(kk, case) for case in gen_corpus.KK_SUFFIX_NAMES]
            self.assertEqual(set(re.findall(r'"([^"]*)"', listed)), set(forms), line)
            self.assertIn(f'ru: "{ru}", en: "{en}"', line)
        # Only the lexicon entries' Kazakh differs: the made-up terms are the same.
        self.assertEqual(len(plain), len(agreeing))
        self.assertEqual(plain[nouns + 1:], agreeing[nouns + 1:])
        self.assertIn('kk: "мұражай", ru:', plain[1])

    def test_kk_as_generated_needs_the_lexicon(self):
        with self.assertRaises(SystemExit):
            with open(os.devnull, "w") as null, contextlib.redirect_stderr(null):
                self.write("--kk-as-generated", "--made-up-only")


if __name__ == "__main__":
    unittest.main()
