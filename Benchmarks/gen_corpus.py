#!/usr/bin/env python3
"""Generate a synthetic, deterministic museum-caption collection for benchmarks.

The collection has Kazakh (kk), Russian (ru, the source language) and English
(en) captions in the `captions` YAML format, and the same content as gettext
PO files so that peer tools (msgfmt, Translate Toolkit) can be timed on it.

Output under --out DIR:

    DIR/Captions/captions.yml            collection config
    DIR/Captions/<gallery>/<id>.yml      one file per exhibit
    DIR/po/kk.po, DIR/po/en.po           msgctxt "<id>.<field>", msgid = ru
    DIR/xliff/ru-kk.xlf                  only with --xliff (XLIFF 1.2)
    DIR/corpus.json                      counts (exhibits, units, missing, bytes)

Guarantees:

* Same arguments => byte-identical output (no clocks, no hash-order iteration).
* Exhibit i depends only on (seed, i); gallery sizes come from a seed-derived
  sequence.  So the first N files of a larger collection are identical to the
  collection generated with --count N (same seed and options).
* The "missing translation" draw is made for every unit whatever the rate, so
  --missing-rate 0 yields exactly the same texts with nothing left out, and
  --omit kk yields the same texts without any Kazakh.

Only the Python 3 standard library is used.

Example:
    python3 Benchmarks/gen_corpus.py --count 10000 --seed 1 --out /tmp/c10k
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys

LANGS = ("kk", "ru", "en")
SOURCE = "ru"
TARGETS = ("kk", "en")
FIELDS = ("title", "text", "credit")

CONFIG_YML = """\
languages: [kk, ru, en]
source: ru
fields:
  title:  { required: true,  max-chars: 80 }
  text:   { required: true,  max-chars: 900 }
  credit: { required: false, max-chars: 160 }
"""

# ---------------------------------------------------------------------------
# Parallel lexicon.  Each line is one concept "kk | ru | en"; a sentence is a
# sequence of concepts rendered in all three languages, so the translations
# correspond roughly to the source (same numbers, names, structure) while each
# language keeps its own word lengths and word counts.
# ---------------------------------------------------------------------------

NOUNS = """
мұражай | музей | museum
жәдігер | экспонат | exhibit
топтама | коллекция | collection
бұйым | изделие | object
кілем | ковёр | carpet
текемет | войлочный ковёр | felt rug
киіз үй | юрта | yurt
ер-тұрман | седло | saddle
білезік | браслет | bracelet
сырға | серьги | earrings
жүзік | перстень | ring
белдік | пояс | belt
қанжар | кинжал | dagger
қылыш | сабля | sabre
дулыға | шлем | helmet
сауыт | кольчуга | mail armour
садақ | лук | bow
жебе | стрела | arrow
теңге | монета | coin
мөр | печать | seal
қолжазба | рукопись | manuscript
кітап | книга | book
хат | письмо | letter
фотосурет | фотография | photograph
портрет | портрет | portrait
кескіндеме | живопись | painting
мүсін | скульптура | sculpture
құмыра | кувшин | jug
тостаған | чаша | bowl
қазан | котёл | cauldron
торсық | кожаный сосуд | leather flask
сандық | сундук | chest
домбыра | домбра | dombra
қобыз | кобыз | kobyz
сазсырнай | глиняная окарина | clay ocarina
шапан | халат | robe
сәукеле | свадебный головной убор | bridal headdress
тақия | тюбетейка | skullcap
етік | сапоги | boots
түскиіз | настенный ковёр | wall hanging
алқа | ожерелье | necklace
шолпы | накосное украшение | braid ornament
кебеже | резной ларь | carved chest
ошақ | очаг | hearth
ыдыс | посуда | tableware
өрнек | орнамент | ornament
ою | узор | pattern
нақыш | рисунок | design
таңба | тамга | tamga
қорған | курган | burial mound
қоныс | поселение | settlement
қазба | раскопки | excavation
экспедиция | экспедиция | expedition
шеберхана | мастерская | workshop
шебер | мастер | craftsman
зергер | ювелир | jeweller
ұста | кузнец | blacksmith
суретші | художник | artist
ақын | поэт | poet
ғалым | учёный | scholar
батыр | батыр | hero
хан | хан | khan
көшпенділер | кочевники | nomads
тайпа | племя | tribe
ру | род | clan
ауыл | аул | village
қала | город | town
дала | степь | steppe
тау | горы | mountains
өзен | река | river
көл | озеро | lake
керуен | караван | caravan
Ұлы Жібек жолы | Великий шёлковый путь | Great Silk Road
сауда | торговля | trade
дәстүр | традиция | tradition
салт | обычай | custom
той | праздник | celebration
үйлену тойы | свадьба | wedding
аңшылық | охота | hunting
бүркіт | беркут | golden eagle
жылқы | лошадь | horse
түйе | верблюд | camel
күміс | серебро | silver
алтын | золото | gold
қола | бронза | bronze
темір | железо | iron
мыс | медь | copper
ағаш | дерево | wood
сүйек | кость | bone
тас | камень | stone
саз | глина | clay
жібек | шёлк | silk
жүн | шерсть | wool
тері | кожа | leather
киіз | войлок | felt
ғасыр | век | century
дәуір | эпоха | era
кезең | период | period
өмір | жизнь | life
тұрмыс | быт | everyday life
отбасы | семья | family
мұра | наследие | heritage
құндылық | ценность | value
қалпына келтіру | реставрация | restoration
көрме | выставка | exhibition
қор | фонд | fund
сыйлық | дар | gift
иесі | владелец | owner
әйелдер | женщины | women
балалар | дети | children
билеуші | правитель | ruler
ғибадатхана | храм | temple
кесене | мавзолей | mausoleum
мешіт | мечеть | mosque
өңір | край | region
"""

ADJECTIVES = """
көне | древний | ancient
ежелгі | старинный | old
сирек | редкий | rare
бірегей | уникальный | unique
дәстүрлі | традиционный | traditional
халықтық | народный | folk
қолдан жасалған | ручной работы | handmade
күміс | серебряный | silver
алтын | золотой | golden
қола | бронзовый | bronze
ағаш | деревянный | wooden
сүйек | костяной | bone
киіз | войлочный | felt
былғары | кожаный | leather
жібек | шёлковый | silk
ою-өрнекті | орнаментированный | ornamented
әшекейлі | украшенный | decorated
мерекелік | праздничный | festive
күнделікті | повседневный | everyday
ғұрыптық | ритуальный | ritual
әскери | военный | military
әйелдің | женский | women's
ер адамның | мужской | men's
қазақтың | казахский | Kazakh
көшпелі | кочевой | nomadic
отырықшы | оседлый | settled
ортағасырлық | средневековый | medieval
ерте | ранний | early
кейінгі | поздний | late
солтүстік | северный | northern
оңтүстік | южный | southern
шығыс | восточный | eastern
батыс | западный | western
жергілікті | местный | local
әйгілі | знаменитый | famous
үлкен | большой | large
шағын | небольшой | small
қызыл | красный | red
көк | синий | blue
ақ | белый | white
қара | чёрный | black
бай | богатый | rich
қарапайым | простой | plain
нәзік | тонкий | delicate
сәнді | нарядный | elegant
"""

VERBS = """
жасалған | изготовлен | was made
табылған | найден | was found
сыйға тартылған | подарен | was donated
пайдаланылған | использовался | was used
сақталған | сохранился | has survived
тиесілі болған | принадлежал | belonged
безендірілген | украшен | is decorated
әкелінген | привезён | was brought
қалпына келтірілген | отреставрирован | was restored
көрсетілген | представлен | is displayed
зерттелген | изучен | was studied
сатып алынған | приобретён | was acquired
кестеленген | вышит | is embroidered
құйылған | отлит | was cast
соғылған | выкован | was forged
ойылған | вырезан | is carved
бейнелейді | изображает | depicts
дәлелдейді | свидетельствует | shows
көрсетеді | показывает | reveals
еске салады | напоминает | recalls
"""


def _parse_lexicon(block: str) -> list[tuple[str, str, str]]:
    """Turn 'kk | ru | en' lines into (kk, ru, en) tuples, in file order."""
    rows = []
    for line in block.strip().splitlines():
        kk, ru, en = (part.strip() for part in line.split("|"))
        rows.append((kk, ru, en))
    return rows


LEX_NOUN = _parse_lexicon(NOUNS)
LEX_ADJ = _parse_lexicon(ADJECTIVES)
LEX_VERB = _parse_lexicon(VERBS)

# Function words inserted per language between concepts.  English needs the
# most (articles, prepositions), Kazakh the fewest (it uses case suffixes).
FUNC = {
    "ru": "и в на с из для по от при как также это его их а но который которая "
          "которые был была было были во со над под между около после до через".split(),
    "kk": "және бұл осы ол олар мен үшін арқылы кейін бұрын дейін бойы ретінде "
          "де да ең өте бірге туралы сияқты әрі немесе бірақ".split(),
    "en": "the the the the of of of and and in in a a to with for by from on "
          "as at was were is its their this that which also".split(),
}
FUNC_RATE = {"ru": 0.55, "kk": 0.25, "en": 0.70}  # chance of a function word per concept

# Kazakh case/plural suffixes by vowel harmony: (back, front) x stem ending.
KK_VOWELS_FRONT = set("әеіөүэи")
KK_VOWELS_BACK = set("аоұыуяё")
KK_VOICELESS = set("кқпстфхцчшщ")
KK_SUFFIXES = {
    # name: {(front?, after): suffix} with after in "v" (vowel), "s" (voiceless), "o" (other)
    "gen": {(False, "v"): "ның", (True, "v"): "нің", (False, "s"): "тың",
            (True, "s"): "тің", (False, "o"): "дың", (True, "o"): "дің"},
    "dat": {(False, "v"): "ға", (True, "v"): "ге", (False, "s"): "қа",
            (True, "s"): "ке", (False, "o"): "ға", (True, "o"): "ге"},
    "loc": {(False, "v"): "да", (True, "v"): "де", (False, "s"): "та",
            (True, "s"): "те", (False, "o"): "да", (True, "o"): "де"},
    "abl": {(False, "v"): "дан", (True, "v"): "ден", (False, "s"): "тан",
            (True, "s"): "тен", (False, "o"): "нан", (True, "o"): "нен"},
    "pl": {(False, "v"): "лар", (True, "v"): "лер", (False, "s"): "тар",
           (True, "s"): "тер", (False, "o"): "дар", (True, "o"): "дер"},
}
KK_SUFFIX_NAMES = ("gen", "dat", "loc", "abl", "pl", "gen", "loc")


def kk_inflect(word: str, case: str) -> str:
    """Attach a Kazakh suffix with (approximate) vowel harmony."""
    front = False
    for ch in reversed(word):
        if ch in KK_VOWELS_FRONT:
            front = True
            break
        if ch in KK_VOWELS_BACK:
            break
    last = word[-1]
    after = "v" if (last in KK_VOWELS_FRONT or last in KK_VOWELS_BACK) else (
        "s" if last in KK_VOICELESS else "o")
    return word + KK_SUFFIXES[case][(front, after)]


# Proper names (people, places) are built from Kazakh syllables, then written
# in Russian and English the way museums usually do.
KK_SYLLABLES = ("қа ға ай ер нұр сұл тан жан бай бек ғали әлі мұ қан тас сай "
                "көл ақ құм жар бұ лақ өз ен ас тау ұл ым бол ат ар дә мер "
                "ке ні сә ті ша ғын").split()
KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
CYR_TO_LAT = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d",
    "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
    "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u",
    "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}


def to_latin(s: str) -> str:
    out = []
    for ch in s:
        lat = CYR_TO_LAT.get(ch.lower())
        if lat is None:
            out.append(ch)
        else:
            out.append(lat.capitalize() if ch.isupper() else lat)
    return "".join(out)


def make_proper(rng: random.Random, lo: int = 2, hi: int = 3) -> tuple[str, str, str]:
    """A toponym or surname stem as (kk, ru, en)."""
    kk = "".join(rng.choice(KK_SYLLABLES) for _ in range(rng.randint(lo, hi)))
    kk = kk[:1].upper() + kk[1:]
    return kk, kk.translate(KK_TO_RU), to_latin(kk)


def make_person(rng: random.Random) -> tuple[str, str, str]:
    """A person's name with initials, e.g. 'Ә. Н. Қанбеков'."""
    initials = "АБДЕЖЗКМНСТҒҚӘҰ"
    stem_kk, stem_ru, stem_en = make_proper(rng)
    suffix = rng.choice(("ов", "ева", "ұлы", "қызы", "бай", "ин"))
    i1, i2 = rng.choice(initials), rng.choice(initials)
    kk = f"{i1}. {i2}. {stem_kk}{suffix}"
    ru = kk.translate(KK_TO_RU)
    return kk, ru, to_latin(ru)


# ---------------------------------------------------------------------------
# Text generation
# ---------------------------------------------------------------------------

def number_phrase(rng: random.Random) -> dict[str, str]:
    """A phrase carrying a year or a number, identical digits in every language."""
    kind = rng.randrange(6)
    if kind <= 1:
        y = rng.randint(1150, 2023)
        return {"kk": f"{y} жылы", "ru": f"в {y} году", "en": f"in {y}"}
    if kind == 2:
        a = rng.randint(1700, 1990)
        b = a + rng.randint(2, 30)
        return {"kk": f"{a}–{b} жылдары", "ru": f"в {a}–{b} годах", "en": f"in {a}–{b}"}
    if kind == 3:
        n = rng.randint(3, 240)
        return {"kk": f"биіктігі {n} см", "ru": f"высота {n} см", "en": f"{n} cm high"}
    if kind == 4:
        n = rng.randint(2, 900)
        return {"kk": f"{n} дана", "ru": f"{n} экз.", "en": f"{n} pieces"}
    n = rng.randint(1000, 99999)
    return {"kk": f"түг. № {n}", "ru": f"инв. № {n}", "en": f"inv. no. {n}"}


def sentence(rng: random.Random, n_concepts: int, extras: list[dict[str, str]]) -> dict[str, str]:
    """One sentence in all languages: n concepts plus the given extra phrases."""
    words = {lang: [] for lang in LANGS}
    # Rough structure: (adjective) noun ... verb, with extras at random positions.
    slots: list = []
    for k in range(n_concepts):
        r = rng.random()
        if r < 0.55:
            slots.append(("n", rng.choice(LEX_NOUN)))
        elif r < 0.85:
            slots.append(("a", rng.choice(LEX_ADJ)))
        else:
            slots.append(("v", rng.choice(LEX_VERB)))
    for extra in extras:
        slots.insert(rng.randrange(len(slots) + 1), ("x", extra))
    for kind, item in slots:
        if kind == "x":
            for lang in LANGS:
                words[lang].append(item[lang])
            continue
        kk, ru, en = item
        # Function words: one draw per language keeps the languages independent.
        for lang, w in (("kk", kk), ("ru", ru), ("en", en)):
            if rng.random() < FUNC_RATE[lang]:
                words[lang].append(rng.choice(FUNC[lang]))
            if lang == "kk" and kind == "n" and rng.random() < 0.5:
                w = kk_inflect(w, rng.choice(KK_SUFFIX_NAMES))
            words[lang].append(w)
    out = {}
    comma_at = rng.randrange(3, max(4, len(slots))) if rng.random() < 0.4 else -1
    for lang in LANGS:
        ws = words[lang]
        if 0 < comma_at < len(ws) - 1:
            ws[comma_at] += ","
        s = " ".join(ws)
        out[lang] = s[:1].upper() + s[1:] + "."
    return out


def word_count(s: str) -> int:
    return len(s.split())


def make_text(rng: random.Random, place: tuple[str, str, str]) -> dict[str, str]:
    """A caption body of 40-160 words in each language, 1-3 paragraphs."""
    target_ru = int(rng.triangular(45, 150, 80))
    n_numbers = rng.choices((0, 1, 2, 3, 4), weights=(1, 4, 4, 2, 1))[0]
    sentences: list[dict[str, str]] = []
    counts = {lang: 0 for lang in LANGS}
    quoted_done = False
    while counts["ru"] < target_ru or min(counts.values()) < 40:
        extras = []
        if n_numbers and rng.random() < 0.5:
            extras.append(number_phrase(rng))
            n_numbers -= 1
        if not quoted_done and rng.random() < 0.2:
            kk, ru, en = place
            extras.append({"kk": f"«{kk}»", "ru": f"«{ru}»", "en": f'"{en}"'})
            quoted_done = True
        s = sentence(rng, rng.randint(4, 11), extras)
        new = {lang: counts[lang] + word_count(s[lang]) for lang in LANGS}
        if max(new.values()) > 160:
            break  # keep every language within 160 words
        sentences.append(s)
        counts = new
    # Paragraphs: split the sentence list into 1-3 runs.
    n_par = min(len(sentences), rng.choices((1, 2, 3), weights=(3, 5, 2))[0])
    cuts = sorted(rng.sample(range(1, len(sentences)), n_par - 1)) if n_par > 1 else []
    bounds = [0] + cuts + [len(sentences)]
    text = {}
    for lang in LANGS:
        paras = [" ".join(s[lang] for s in sentences[a:b]) for a, b in zip(bounds, bounds[1:])]
        text[lang] = "\n\n".join(paras)
    return text


def make_title(rng: random.Random, place: tuple[str, str, str]) -> dict[str, str]:
    """A short label title; some with quotes, a colon or a year."""
    adj = rng.choice(LEX_ADJ)
    noun = rng.choice(LEX_NOUN)
    kk, ru, en = f"{adj[0]} {noun[0]}", f"{adj[1]} {noun[1]}", f"{adj[2]} {noun[2]}"
    style = rng.randrange(10)
    if style < 2:  # "<adj> <noun> from <place>"
        pk, pr, pe = place
        kk, ru, en = f"{pk} {kk}", f"{ru} из {pr}", f"{en} from {pe}"
    elif style < 4:  # "<adj> <noun> (year)"
        y = rng.randint(1700, 2020)
        kk, ru, en = f"{kk} ({y})", f"{ru} ({y})", f"{en} ({y})"
    elif style == 4:  # "«Name»: <adj> <noun>" -- needs YAML quoting
        pk, pr, pe = place
        kk, ru, en = f"«{pk}»: {kk}", f"«{pr}»: {ru}", f'"{pe}": {en}'
    elif style == 5:  # "<noun> with <noun>"
        n2 = rng.choice(LEX_NOUN)
        kk, ru, en = (f"{kk}, {n2[0]}", f"{ru} и {n2[1]}", f"{en} and {n2[2]}")
    cap = lambda s: s[:1].upper() + s[1:]  # noqa: E731 (tiny local helper)
    return {"kk": cap(kk), "ru": cap(ru), "en": cap(en)}


MUSEUMS = (
    ("Орталық мемлекеттік мұражай қорынан", "Из фондов Центрального государственного музея",
     "From the holdings of the Central State Museum"),
    ("Ә. Қастеев атындағы өнер мұражайынан уақытша берілген",
     "Временно передано Музеем искусств им. А. Кастеева",
     "On loan from the A. Kasteyev Museum of Arts"),
    ("Археологиялық экспедиция олжалары", "Находки археологической экспедиции",
     "Finds of the archaeological expedition"),
)


def make_credit(rng: random.Random) -> dict[str, str]:
    """A credit line: gift, photo, loan or restoration, often with a year."""
    kk_name, ru_name, en_name = make_person(rng)
    year = rng.randint(1948, 2024)
    kind = rng.randrange(5)
    if kind == 0:
        return {"kk": f"{kk_name} сыйға тартқан, {year}", "ru": f"Дар {ru_name}, {year}",
                "en": f"Gift of {en_name}, {year}"}
    if kind == 1:
        return {"kk": f"Фото: {kk_name}", "ru": f"Фото: {ru_name}", "en": f"Photo: {en_name}"}
    if kind == 2:
        kk, ru, en = rng.choice(MUSEUMS)
        return {"kk": f"{kk}, {year}", "ru": f"{ru}, {year}", "en": f"{en}, {year}"}
    if kind == 3:
        return {"kk": f"Қалпына келтірген {kk_name}, {year}",
                "ru": f"Реставрация: {ru_name}, {year}", "en": f"Restored by {en_name}, {year}"}
    n = rng.randint(100, 9999)
    return {"kk": f"Сатып алынған, {year}; КП {n}", "ru": f"Закупка {year} г.; КП {n}",
            "en": f"Purchased {year}; KP {n}"}


NOTES = (
    "Уточнить написание имени мастера по инвентарной книге.",
    "Название в кавычках не переводить.",
    "Keep the English title short: the label is 12 cm wide.",
    "Дата: по данным экспедиции, требует проверки.",
    "Термин оставить без перевода, см. глоссарий зала.",
    "Credit line must match the loan agreement.",
)

GALLERY_THEMES = ("archaeology ethnography nomadic-life applied-art numismatics "
                  "textiles arms-and-armour jewellery music manuscripts painting "
                  "photography silk-road modern-history").split()


def slugify(words: str) -> str:
    """Lowercase ASCII slug from English words: 'Women's felt rug' -> 'womens-felt-rug'."""
    parts = []
    for w in words.lower().split():
        w = "".join(ch for ch in w if "a" <= ch <= "z" or "0" <= ch <= "9")
        if w:
            parts.append(w)
    return "-".join(parts[:3]) or "exhibit"


def make_exhibit(seed: int, i: int, missing_rate: float) -> tuple[str, dict, str | None]:
    """Exhibit number i (0-based): (id, {field: {lang: value}}, notes).

    Depends only on (seed, i, missing_rate); the random draws are the same for
    every missing_rate, so only which units are absent changes with it.
    """
    rng = random.Random(f"captions-bench/{seed}/{i}")  # str seeds hash with SHA-512: stable
    place = make_proper(rng)
    title = make_title(rng, place)
    text = make_text(rng, place)
    credit = make_credit(rng) if rng.random() < 0.30 else None
    notes = rng.choice(NOTES) if rng.random() < 0.10 else None
    ex_id = f"{slugify(title['en'])}-{i + 1}"  # before any language is dropped
    fields = {"title": title, "text": text}
    if credit is not None:
        fields["credit"] = credit
    for name in FIELDS:
        values = fields.get(name)
        if values is None:
            continue
        for lang in TARGETS:
            if rng.random() < missing_rate:  # always drawn: see the docstring
                del values[lang]
    return ex_id, fields, notes


def gallery_sizes(seed: int):
    """Endless, seed-derived gallery sizes (120..280 exhibits each)."""
    rng = random.Random(f"captions-bench/{seed}/galleries")
    while True:
        yield rng.randint(120, 280)


# ---------------------------------------------------------------------------
# Writers: YAML, PO, XLIFF
# ---------------------------------------------------------------------------

_YAML_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_YAML_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


def yaml_scalar(s: str) -> str:
    """A one-line value as a plain scalar, or double-quoted when plain would be misread.

    In block context a plain scalar may hold commas, quotes and brackets; it
    may not start with an indicator, contain ": " or " #", end with ":" or a
    space, or look like a bool, null or number.
    """
    plain_ok = (
        s != "" and s == s.strip() and s[0] not in _YAML_INDICATORS
        and ": " not in s and " #" not in s and not s.endswith(":")
        and "\\" not in s and s.lower() not in _YAML_RESERVED
        and not s.replace(".", "", 1).isdigit()
    )
    if plain_ok:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def exhibit_yaml(ex_id: str, fields: dict, notes: str | None) -> str:
    out = [f"id: {ex_id}\n"]
    for name in FIELDS:
        values = fields.get(name)
        if values is None:
            continue
        out.append(f"{name}:\n")
        for lang in LANGS:
            v = values.get(lang)
            if v is None:
                continue
            if name == "text":
                # Literal block scalar, 2 more spaces of indentation; blank
                # lines separate paragraphs; the value ends with one newline.
                out.append(f"  {lang}: |\n")
                for line in v.split("\n"):
                    out.append(f"    {line}\n" if line else "\n")
            else:
                out.append(f"  {lang}: {yaml_scalar(v)}\n")
    if notes:
        out.append(f"notes: {yaml_scalar(notes)}\n")
    return "".join(out)


def po_string(keyword: str, s: str) -> str:
    """A PO keyword with a C-escaped string, split after each \\n like gettext does."""
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    if "\n" not in esc:
        return f'{keyword} "{esc}"\n'
    pieces = esc.split("\n")
    lines = [f'{keyword} ""\n']
    for k, piece in enumerate(pieces):
        last = k == len(pieces) - 1
        if not last:
            lines.append(f'"{piece}\\n"\n')
        elif piece:
            lines.append(f'"{piece}"\n')
    return "".join(lines)


PO_LANGUAGE_NAMES = {"kk": "Kazakh", "en": "English"}


def po_header(lang: str) -> str:
    return (
        f"# {PO_LANGUAGE_NAMES[lang]} translation of the benchmark caption collection.\n"
        "# Generated by Benchmarks/gen_corpus.py; msgctxt is <exhibit id>.<field>.\n"
        "#\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: captions-benchmark 1\\n"\n'
        '"Report-Msgid-Bugs-To: \\n"\n'
        '"POT-Creation-Date: 2025-01-01 00:00+0000\\n"\n'
        '"PO-Revision-Date: 2025-01-01 00:00+0000\\n"\n'
        '"Last-Translator: Benchmark Generator <bench@example.invalid>\\n"\n'
        f'"Language-Team: {PO_LANGUAGE_NAMES[lang]}\\n"\n'
        f'"Language: {lang}\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        "\n"
    )


def xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(s: str) -> str:
    return xml_text(s).replace('"', "&quot;")


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def generate(out: str, count: int, seed: int, missing_rate: float,
             omit: tuple[str, ...], write_po: bool, write_xliff: bool) -> dict:
    captions_dir = os.path.join(out, "Captions")
    os.makedirs(captions_dir)
    with open(os.path.join(captions_dir, "captions.yml"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(CONFIG_YML)

    po_files = {}
    if write_po:
        os.makedirs(os.path.join(out, "po"))
        for lang in TARGETS:
            fh = open(os.path.join(out, "po", f"{lang}.po"), "w", encoding="utf-8",
                      newline="\n", buffering=1 << 20)
            fh.write(po_header(lang))
            po_files[lang] = fh
    xliff = None
    if write_xliff:
        os.makedirs(os.path.join(out, "xliff"))
        xliff = open(os.path.join(out, "xliff", "ru-kk.xlf"), "w", encoding="utf-8",
                     newline="\n", buffering=1 << 20)
        xliff.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n')

    stats = {"exhibits": count, "galleries": 0, "yaml_bytes": 0, "units": 0,
             "units_by_field": {f: 0 for f in FIELDS},
             "missing": {lang: 0 for lang in TARGETS}, "omitted": list(omit),
             "missing_rate": missing_rate, "seed": seed}
    sizes = gallery_sizes(seed)
    i = 0
    while i < count:
        g = stats["galleries"]
        gallery = f"{g + 1:03d}-{GALLERY_THEMES[g % len(GALLERY_THEMES)]}"
        stats["galleries"] += 1
        gdir = os.path.join(captions_dir, gallery)
        os.makedirs(gdir)
        po_chunks = {lang: [] for lang in po_files}
        if xliff:
            xliff.write(f'  <file original="Captions/{gallery}" source-language="ru" '
                        f'target-language="kk" datatype="plaintext">\n    <body>\n')
        for _ in range(min(next(sizes), count - i)):
            ex_id, fields, notes = make_exhibit(seed, i, missing_rate)
            i += 1
            for values in fields.values():
                for lang in omit:
                    values.pop(lang, None)
            data = exhibit_yaml(ex_id, fields, notes).encode("utf-8")
            with open(os.path.join(gdir, ex_id + ".yml"), "wb") as fh:
                fh.write(data)
            stats["yaml_bytes"] += len(data)
            for name in FIELDS:
                values = fields.get(name)
                if values is None:
                    continue
                stats["units"] += 1
                stats["units_by_field"][name] += 1
                ctx = f"{ex_id}.{name}"
                for lang in TARGETS:
                    if lang not in values:
                        stats["missing"][lang] += 1
                for lang, chunks in po_chunks.items():
                    if notes:
                        chunks.append(f"#. {notes}\n")
                    chunks.append(f"#: Captions/{gallery}/{ex_id}.yml\n")
                    chunks.append(f'msgctxt "{ctx}"\n')
                    chunks.append(po_string("msgid", values[SOURCE]))
                    chunks.append(po_string("msgstr", values.get(lang, "")))
                    chunks.append("\n")
                if xliff:
                    target = values.get("kk")
                    xliff.write(f'      <trans-unit id="{xml_attr(ctx)}">\n'
                                f'        <source>{xml_text(values[SOURCE])}</source>\n')
                    if target is not None:
                        xliff.write(f'        <target state="translated">{xml_text(target)}</target>\n')
                    xliff.write("      </trans-unit>\n")
        for lang, chunks in po_chunks.items():
            po_files[lang].write("".join(chunks))
        if xliff:
            xliff.write("    </body>\n  </file>\n")
    for fh in po_files.values():
        fh.close()
    if xliff:
        xliff.write("</xliff>\n")
        xliff.close()
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(stats, fh, indent=2, sort_keys=True)
        fh.write("\n")
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate a deterministic kk/ru/en caption collection (YAML + PO) for benchmarks.")
    ap.add_argument("--out", required=True, help="output folder (created; must not hold a corpus yet)")
    ap.add_argument("--count", type=int, required=True, help="number of exhibits")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--missing-rate", type=float, default=0.05,
                    help="share of kk/en units whose language key is absent (default 0.05)")
    ap.add_argument("--omit", action="append", default=[], choices=TARGETS,
                    help="leave this language out of every exhibit (repeatable)")
    ap.add_argument("--no-po", action="store_true", help="do not write po/kk.po and po/en.po")
    ap.add_argument("--xliff", action="store_true",
                    help="also write xliff/ru-kk.xlf (XLIFF 1.2) from the generator itself")
    ap.add_argument("--force", action="store_true", help="delete existing output first")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.count < 0:
        ap.error("--count must be >= 0")
    if not 0.0 <= args.missing_rate <= 1.0:
        ap.error("--missing-rate must be between 0 and 1")

    for sub in ("Captions", "po", "xliff", "corpus.json"):
        path = os.path.join(args.out, sub)
        if os.path.exists(path):
            if not args.force:
                ap.error(f"{path} exists (use --force to replace it)")
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    os.makedirs(args.out, exist_ok=True)
    stats = generate(args.out, args.count, args.seed, args.missing_rate,
                     tuple(dict.fromkeys(args.omit)), not args.no_po, args.xliff)
    if not args.quiet:
        print(f"gen_corpus: {stats['exhibits']} exhibits in {stats['galleries']} galleries, "
              f"{stats['units']} units, YAML {stats['yaml_bytes'] / 1e6:.1f} MB, "
              f"missing kk {stats['missing']['kk']} en {stats['missing']['en']} -> {args.out}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
