#!/usr/bin/env python3
"""Generate the innocent customer population of the accuracy evaluation.

Names come from Faker's per-locale first/last-name tables (real given and
family names of each country) and company-name providers (local legal
forms). The population mimics the customer base of a Central Asian /
CIS-region bank with international counterparties: many Russian, Ukrainian,
Uzbek, Azerbaijani and Turkish names, plus European, Anglophone, Arabic,
Persian, Chinese, Georgian and Armenian ones. Cyrillic names are written in
Cyrillic or, for half of them, in ICAO 9303 Latin transliteration, because
both forms reach a screening engine (domestic records vs. passports and
SWIFT messages).

Deterministic: fixed seed, fixed Faker version (see data/eval/PROVENANCE.md).
The output is committed; the evaluation drops at run time any innocent whose
normalised name equals a listed name.

Usage: make_innocents.py [--n 22000] [--seed 20260227] [--out data/eval/innocents.csv]
"""

import argparse
import csv
import random
import sys

import faker
from faker import Faker

# (locale, weight, share of companies)
LOCALES = [
    ("ru_RU", 22, 0.2),
    ("uk_UA", 6, 0.2),
    ("uz_UZ", 10, 0.2),
    ("az_AZ", 5, 0.2),
    ("tr_TR", 8, 0.2),
    ("ka_GE", 2, 0.1),
    ("hy_AM", 2, 0.1),
    ("en_US", 10, 0.25),
    ("en_GB", 4, 0.25),
    ("de_DE", 6, 0.25),
    ("fr_FR", 3, 0.2),
    ("es_ES", 3, 0.2),
    ("it_IT", 2, 0.2),
    ("pl_PL", 2, 0.2),
    ("ar_AA", 4, 0.1),
    ("fa_IR", 3, 0.1),
    ("zh_CN", 4, 0.2),
    ("ko_KR", 1, 0.1),
    ("hi_IN", 2, 0.1),
    ("id_ID", 1, 0.1),
]

# ICAO Doc 9303 (2015+) transliteration of Russian and Ukrainian Cyrillic,
# the table used in passports of both countries.
ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "є": "ie", "і": "i", "ї": "i", "ґ": "g", "'": "", "’": "",
}
# Ukrainian-specific: г is h in Ukrainian passports.
ICAO_UK = dict(ICAO, **{"г": "h", "и": "y", "х": "kh"})


def translit(text, table):
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            rep = table[low]
            if ch != low and rep:
                rep = rep[0].upper() + rep[1:]
            out.append(rep)
        else:
            out.append(ch)
    return "".join(out)


def person(f, loc, rng):
    male = rng.random() < 0.5
    first = f.first_name_male() if male else f.first_name_female()
    last_fn = getattr(f, "last_name_male" if male else "last_name_female", f.last_name)
    last = last_fn()
    if loc in ("ru_RU", "uk_UA"):
        parts = [last, first]
        if rng.random() < 0.5 and hasattr(f, "middle_name_male"):
            parts.append(f.middle_name_male() if male else f.middle_name_female())
        if rng.random() < 0.5:  # Western order in Latin-script documents
            parts = [first] + parts[2:] + [last]
        name = " ".join(parts)
    elif loc in ("zh_CN", "ko_KR"):
        name = last + first
    else:
        name = first + " " + last
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=22000)
    ap.add_argument("--seed", type=int, default=20260227)
    ap.add_argument("--out", default="data/eval/innocents.csv")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    fakers = {}
    for loc, _, _ in LOCALES:
        f = Faker(loc)
        f.seed_instance(args.seed)
        fakers[loc] = f
    weights = [w for _, w, _ in LOCALES]
    # Faker's ru_RU, tr_TR and az_AZ company providers also return real
    # large companies verbatim (Gazprom, Rosneft, VSMPO-AVISMA, MTS, …), several
    # of which are sanctioned: they are not innocent customers, so skip them.
    real_companies = set()
    for f in fakers.values():
        for provider in f.providers:
            real_companies.update(getattr(provider, "large_companies", ()))
    seen = set()
    rows = []
    attempts = 0
    while len(rows) < args.n and attempts < args.n * 5:
        attempts += 1
        loc, _, company_share = rng.choices(LOCALES, weights=weights)[0]
        f = fakers[loc]
        if rng.random() < company_share:
            kind, name = "organization", f.company()
            if name in real_companies:
                continue
        else:
            kind, name = "person", person(f, loc, rng)
        if loc in ("ru_RU", "uk_UA") and rng.random() < 0.5:
            name = translit(name, ICAO_UK if loc == "uk_UA" else ICAO)
            script = "Latn"
        else:
            script = "native"
        name = " ".join(name.split())
        key = name.lower()
        if key in seen:
            continue
        seen.add(key)
        rows.append((f"{len(rows) + 1:05d}", name, kind, loc, script))
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "kind", "locale", "script"])
        w.writerows(rows)
    print(f"wrote {len(rows)} innocents to {args.out} (Faker {faker.VERSION}, seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
