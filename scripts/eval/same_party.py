#!/usr/bin/env python3
"""Held-out alias recall read two other ways, from the files `cargo xtask eval`
writes in data/eval/generated/.

A held-out name is removed from its own entity only. When another entity still
publishes it (case, punctuation and word order aside) -- the same party on
another list, or a namesake -- screening it alerts on that entity at 1.0 for
any method. This prints tamga's per-entity recall at the 1 % innocent alert
rate, the recall if such an alert counted as found, and the recall without
those queries.

    python3 scripts/eval/same_party.py [GENERATED_DIR]
"""
import collections
import csv
import sys


def key(text):
    """Lowercase alphanumeric words, sorted (xtask's token_key)."""
    cleaned = "".join(c.lower() if c.isalnum() else " " for c in text)
    return " ".join(sorted(cleaned.split()))


def main():
    gen = sys.argv[1] if len(sys.argv) > 1 else "data/eval/generated"
    with open(f"{gen}/queries.csv", newline="") as f:
        queries = {r["id"]: r for r in csv.DictReader(f)}
    with open(f"{gen}/scores_tamga.csv", newline="") as f:
        scores = {r["id"]: float(r["score"]) for r in csv.DictReader(f)}
    publishers = collections.defaultdict(set)
    with open(f"{gen}/index_names.csv", newline="") as f:
        for r in csv.DictReader(f):
            publishers[key(r["name"])].add(r["entity_id"])
    innocent = sorted(
        (scores[i] for i, q in queries.items() if q["set"] == "innocent"), reverse=True
    )
    threshold = innocent[int(len(innocent) * 0.01)]
    total = found = elsewhere = elsewhere_found = 0
    for i, q in queries.items():
        if q["set"] != "heldout_alias":
            continue
        hit = scores[i] > threshold
        total += 1
        found += hit
        if publishers.get(key(q["name"]), set()) - {q["target"]}:
            elsewhere += 1
            elsewhere_found += hit
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"threshold at 1 % innocent alerts: {threshold:.4f}")
    print(f"heldout_alias, target found: {found}/{total} = {pct(found, total):.1f} %")
    print(f"names another entity still publishes: {elsewhere} (target found for {elsewhere_found})")
    counted = found + elsewhere - elsewhere_found
    print(f"counting the exact-name alert as found: {counted}/{total} = {pct(counted, total):.1f} %")
    rest = total - elsewhere
    print(f"without those queries: {found - elsewhere_found}/{rest} = {pct(found - elsewhere_found, rest):.1f} %")


if __name__ == "__main__":
    main()
