#!/usr/bin/env python3
"""Score the evaluation query sets with peer name matchers.

Reads what `cargo xtask eval` exported (data/eval/generated/queries.csv and
index_names.csv: the same reduced list names tamga indexed, so held-out
names are absent for the peers too) and writes, per method,
scores_<method>.csv (id,score) + scores_<method>.json in the same directory.
`cargo xtask report` then thresholds every method identically.

Methods (brute force over every indexed name, best score per entity):
  rapidfuzz_wratio      RapidFuzz fuzz.WRatio / 100
  rapidfuzz_token_sort  RapidFuzz fuzz.token_sort_ratio / 100
  jaro_winkler          Jaro-Winkler similarity of whole upper-cased names,
                        the algorithm of OFAC's Sanctions List Search
  rapidfuzz_token_sort_unidecode
                        token_sort_ratio after Unidecode ASCII transliteration:
                        the usual do-it-yourself answer to non-Latin names

Names are pre-processed with rapidfuzz.utils.default_process (lower-case,
non-alphanumerics to spaces, trimmed): case-insensitive, as the Jaro-Winkler
baseline on upper-cased names.

Protocol identical to tamga's: a positive query scores its target entity's
best score, or 0 when the target is not among the top --limit entities; an
innocent scores its best score against any entity.

If a full run is too slow, --max-per-set / --max-innocents take the first N
queries of each set (the sets are in seeded random order, so that is a
random sample); all list names are always kept. The report then compares
all methods on the common subsample.
"""

import argparse
import csv
import json
import os
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

METHODS = {
    "rapidfuzz_wratio": ("RapidFuzz WRatio", fuzz.WRatio, 100.0),
    "rapidfuzz_token_sort": ("RapidFuzz token_sort_ratio", fuzz.token_sort_ratio, 100.0),
    "jaro_winkler": ("Jaro-Winkler (OFAC SLS-like)", JaroWinkler.normalized_similarity, 1.0),
    "rapidfuzz_token_sort_unidecode": ("RapidFuzz token_sort_ratio + Unidecode", fuzz.token_sort_ratio, 100.0),
}
# Methods whose names are transliterated to ASCII before processing.
TRANSLITERATE = {"rapidfuzz_token_sort_unidecode"}


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def load_index(path):
    entity_ids, names = [], []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entity_ids.append(row["entity_id"])
            names.append(row["name"])
    # Names of one entity are contiguous (written entity by entity).
    starts, entities = [], []
    for i, e in enumerate(entity_ids):
        if i == 0 or e != entity_ids[i - 1]:
            starts.append(i)
            entities.append(e)
    return names, np.array(starts, dtype=np.int64), entities


def load_queries(path, max_per_set, max_innocents):
    with open(path, "rb") as fh:
        raw = fh.read()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    taken, per_set = [], {}
    for r in rows:
        cap = max_innocents if r["set"] == "innocent" else max_per_set
        n = per_set.get(r["set"], 0)
        if cap and n >= cap:
            continue
        per_set[r["set"]] = n + 1
        taken.append(r)
    return taken, fnv1a64(raw), per_set


def check_jaro_winkler(names):
    """Cross-check RapidFuzz's Jaro-Winkler against jellyfish's (an
    independent implementation) on real name pairs, so the baseline is the
    textbook algorithm (prefix scale 0.1, prefix up to 4)."""
    import jellyfish

    proc = [utils.default_process(n).upper() for n in names[:400]]
    worst = 0.0
    for a, b in zip(proc[::2], proc[1::2]):
        worst = max(worst, abs(JaroWinkler.normalized_similarity(a, b) - jellyfish.jaro_winkler_similarity(a, b)))
    if worst > 1e-6:
        sys.exit(f"RapidFuzz and jellyfish Jaro-Winkler disagree by {worst}")
    print(f"peers: Jaro-Winkler cross-checked against jellyfish on {len(proc) // 2} pairs (max diff {worst:.1e})",
          file=sys.stderr)


def run_method(key, queries, names, starts, entity_pos, limit, chunk):
    label, scorer, scale = METHODS[key]
    prep = (lambda s: utils.default_process(unidecode(s))) if key in TRANSLITERATE else utils.default_process
    proc_names = [prep(n) for n in names]
    proc_queries = [prep(q["name"]) for q in queries]
    out = np.zeros(len(queries), dtype=np.float64)
    t0 = time.perf_counter()
    for lo in range(0, len(queries), chunk):
        block = proc_queries[lo:lo + chunk]
        m = process.cdist(block, proc_names, scorer=scorer, workers=-1, dtype=np.float32)
        ent = np.maximum.reduceat(m, starts, axis=1) / scale
        for j in range(len(block)):
            q = queries[lo + j]
            row = ent[j]
            if q["target"]:
                t = entity_pos.get(q["target"])
                if t is None:
                    continue
                s = row[t]
                rank = int(np.count_nonzero(row > s))
                out[lo + j] = float(s) if (rank < limit and s > 0) else 0.0
            else:
                out[lo + j] = float(row.max()) if row.size else 0.0
        done = min(lo + chunk, len(queries))
        el = time.perf_counter() - t0
        print(f"  {key}: {done}/{len(queries)} queries, {el:.0f}s", file=sys.stderr, end="\r")
    elapsed = time.perf_counter() - t0
    print(file=sys.stderr)
    return out, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default="data/eval/generated")
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--max-per-set", type=int, default=0, help="0 = all")
    ap.add_argument("--max-innocents", type=int, default=0, help="0 = all")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--chunk", type=int, default=128)
    args = ap.parse_args()

    names, starts, entities = load_index(os.path.join(args.dir, "index_names.csv"))
    entity_pos = {e: i for i, e in enumerate(entities)}
    queries, fp, per_set = load_queries(os.path.join(args.dir, "queries.csv"), args.max_per_set, args.max_innocents)
    print(f"peers: {len(names)} names of {len(entities)} entities; {len(queries)} queries {per_set}", file=sys.stderr)
    sampled = bool(args.max_per_set or args.max_innocents)
    for key in args.methods.split(","):
        key = key.strip()
        if key not in METHODS:
            sys.exit(f"unknown method {key!r}; known: {', '.join(METHODS)}")
        if key == "jaro_winkler":
            check_jaro_winkler(names)
        scores, elapsed = run_method(key, queries, names, starts, entity_pos, args.limit, args.chunk)
        pairs = len(queries) * len(names)
        print(f"peers: {key}: {elapsed:.1f}s, {pairs / elapsed / 1e6:.1f} M pairs/s, "
              f"{len(queries) / elapsed:.1f} queries/s", file=sys.stderr)
        with open(os.path.join(args.dir, f"scores_{key}.csv"), "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "score"])
            for q, s in zip(queries, scores):
                w.writerow([q["id"], f"{s:.6f}"])
        label, _, _ = METHODS[key]
        note = (f"brute force over all {len(names)} indexed names (process.cdist, workers=-1), "
                f"best per entity, default_process; top-{args.limit} rule; {elapsed:.0f}s for {len(queries)} queries")
        if sampled:
            note += f"; query subsample (max {args.max_per_set or 'all'} per set, {args.max_innocents or 'all'} innocents)"
        with open(os.path.join(args.dir, f"scores_{key}.json"), "w") as fh:
            json.dump({"method": key, "label": label, "queries_fnv64": fp, "notes": note,
                       "seconds": elapsed, "queries": len(queries), "names": len(names)}, fh, indent=2)


if __name__ == "__main__":
    main()
