#!/usr/bin/env python3
"""Print the speed comparison of scripts/bench/compare.sh as Markdown."""

import argparse
import contextlib
import io
import json
import subprocess

START, END = "<!-- speed:start -->", "<!-- speed:end -->"


def update_doc(path, text):
    """Replace the speed section of the evaluation document."""
    with open(path, encoding="utf-8") as fh:
        doc = fh.read()
    section = f"{START}\n{text}\n{END}"
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + section + doc[doc.index(END) + len(END):]
    else:
        doc += f"\n## Latest speed comparison\n\n{section}\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(doc)


def load(path):
    with open(path) as fh:
        return json.load(fh)


def mb(kb):
    return f"{int(kb) / 1024:.0f} MiB" if kb else "–"


def ratio(a, b):
    return f"{a / b:.1f}×" if a and b else "–"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--doc", help="also rewrite the speed section of this Markdown file")
    ap.add_argument("--tamga", required=True)
    ap.add_argument("--tamga-rss", type=int, default=0)
    ap.add_argument("--rapidfuzz", required=True)
    ap.add_argument("--rapidfuzz-rss", type=int, default=0)
    ap.add_argument("--cli-seconds", type=float, default=0)
    ap.add_argument("--cli-rss", type=int, default=0)
    ap.add_argument("--queries", type=int, default=0)
    ap.add_argument("--scale")
    ap.add_argument("--scale-rss", type=int, default=0)
    ap.add_argument("--scale-rapidfuzz")
    args = ap.parse_args()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        report(args)
    print(buf.getvalue(), end="")
    if args.doc:
        update_doc(args.doc, buf.getvalue())


def report(args):
    t, r = load(args.tamga), load(args.rapidfuzz)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    date = subprocess.run(["date", "-u", "+%Y-%m-%dT%H:%MZ"], capture_output=True, text=True).stdout.strip()
    print(f"Speed run of {date} at commit `{commit}` ({t['batch_threads']} threads); "
          f"{t['names']} names of {t['entities']} entities; queries: real innocent names (data/eval/innocents.csv).\n")
    print("| measure | tamga | RapidFuzz token_sort (brute force) | tamga advantage |")
    print("|---|---:|---:|---:|")
    print(f"| index build (s) | {t['index_build_s']:.2f} | {r['build_s']:.2f} (pre-processing) | – |")
    print(f"| max RSS, whole process | {mb(args.tamga_rss)} | {mb(args.rapidfuzz_rss)} | – |")
    tl, rl = t["latency_ms"], r["latency_ms"]
    print(f"| latency p50 (ms) | {tl['p50']:.3f} | {rl['p50']:.3f} | {ratio(rl['p50'], tl['p50'])} |")
    print(f"| latency p99 (ms) | {tl['p99']:.3f} | {rl['p99']:.3f} | {ratio(rl['p99'], tl['p99'])} |")
    print(f"| batch throughput (queries/s, {t['batch_queries']} queries) | {t['batch_qps']:.0f} | "
          f"{r['batch_qps']:.0f} | {ratio(t['batch_qps'], r['batch_qps'])} |")
    if args.cli_seconds:
        print(f"| `tamga screen` CSV, whole process ({args.queries} queries, s) | {args.cli_seconds:.2f} "
              f"(max RSS {mb(args.cli_rss)}) | – | – |")
    print(f"\nLatency: tamga over {t['sequential_queries']} sequential `screen` calls "
          f"(threshold {t['threshold']}); RapidFuzz over {rl['n']} single-query cdist calls on every core.")
    if args.scale and args.scale_rapidfuzz:
        s, sr = load(args.scale), load(args.scale_rapidfuzz)
        p = sr["projected"]
        print(f"\n**Scale: {s['synthetic_names']:,} synthetic names** (recombined real tokens, seed {s['seed']})\n")
        print("| measure | tamga (measured) | RapidFuzz (projected) | tamga advantage |")
        print("|---|---:|---:|---:|")
        print(f"| index build (s) | {s['index_build_s']:.1f} | – | – |")
        print(f"| max RSS, whole process | {mb(args.scale_rss)} | – | – |")
        print(f"| latency p50 (ms) | {s['latency_ms_over_50']['p50']:.2f} | {p['latency_ms_p50']:.1f} | "
              f"{ratio(p['latency_ms_p50'], s['latency_ms_over_50']['p50'])} |")
        print(f"| batch throughput (queries/s) | {s['batch_qps']:.1f} | {p['batch_qps']:.2f} | "
              f"{ratio(s['batch_qps'], p['batch_qps'])} |")
        print(f"\nRapidFuzz measured on {sr['names']:,} names (every {s['export_every']}th synthetic name) "
              f"× {sr['queries']} queries and projected ×{p['factor']:.1f}: {p['how']}.")


if __name__ == "__main__":
    main()
