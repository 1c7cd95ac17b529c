#!/usr/bin/env python3
"""Time RapidFuzz brute-force screening on the same names and queries as tamga.

"Index build" for a brute-force matcher is loading and pre-processing the
names (rapidfuzz.utils.default_process). Batch throughput: process.cdist of
all queries against all names with token_sort_ratio, workers=-1 (every
core), best score per query. Latency: one query at a time (cdist of a single
query, workers=-1) over --latency-n queries, percentiles by nearest rank.

--project-to N: the names file is a uniform sample of a larger synthetic
list of N names; brute force is linear in the number of names, so times are
multiplied by N / len(sample) (reported separately as projected figures).

Prints one JSON object.
"""

import argparse
import csv
import json
import math
import resource
import sys
import time

import numpy as np
from rapidfuzz import fuzz, process, utils


def pct(sorted_vals, p):
    if not sorted_vals:
        return 0.0
    rank = min(max(math.ceil(p * len(sorted_vals)), 1), len(sorted_vals))
    return sorted_vals[rank - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", required=True, help="CSV with a `name` column")
    ap.add_argument("--queries", required=True, help="CSV with a `name` column")
    ap.add_argument("--n", type=int, default=20000, help="queries in the batch")
    ap.add_argument("--latency-n", type=int, default=200)
    ap.add_argument("--chunk", type=int, default=256)
    ap.add_argument("--project-to", type=int, default=0)
    args = ap.parse_args()

    t0 = time.perf_counter()
    with open(args.names, newline="", encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    proc_names = [utils.default_process(n) for n in names]
    build = time.perf_counter() - t0
    with open(args.queries, newline="", encoding="utf-8") as fh:
        queries = [r["name"] for r in csv.DictReader(fh)][: args.n]
    proc_q = [utils.default_process(q) for q in queries]

    lat = []
    for q in proc_q[: args.latency_n]:
        s = time.perf_counter()
        m = process.cdist([q], proc_names, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.uint8)
        m.max()
        lat.append((time.perf_counter() - s) * 1e3)
    lat.sort()

    s = time.perf_counter()
    for lo in range(0, len(proc_q), args.chunk):
        m = process.cdist(proc_q[lo:lo + args.chunk], proc_names, scorer=fuzz.token_sort_ratio,
                          workers=-1, dtype=np.uint8)
        m.max(axis=1)
    batch = time.perf_counter() - s
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {
        "method": "rapidfuzz token_sort_ratio, process.cdist workers=-1",
        "names": len(names),
        "queries": len(queries),
        "build_s": build,
        "peak_rss_kb": rss_kb,
        "latency_ms": {"p50": pct(lat, 0.5), "p90": pct(lat, 0.9), "p99": pct(lat, 0.99), "max": pct(lat, 1.0),
                       "n": len(lat)},
        "batch_s": batch,
        "batch_qps": len(queries) / batch if batch > 0 else 0.0,
    }
    if args.project_to:
        f = args.project_to / max(len(names), 1)
        out["projected"] = {
            "names": args.project_to,
            "factor": f,
            "how": "brute force is linear in the number of names: times x factor",
            "latency_ms_p50": pct(lat, 0.5) * f,
            "latency_ms_p99": pct(lat, 0.99) * f,
            "batch_qps": (len(queries) / batch / f) if batch > 0 else 0.0,
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    sys.exit(main())
