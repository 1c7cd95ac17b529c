#!/usr/bin/env bash
# Whole-process speed comparison: tamga vs RapidFuzz brute force, same names,
# same real-name queries, same machine, one run.
#
#   scripts/bench/compare.sh [--queries N] [--latency-n N] [--scale NAMES] [--scale-queries N]
#
# Defaults finish in a few minutes on 2 cores: 5,000 batch queries, 1,000
# timed single queries, no scale run. The figures of docs/EVALUATION.md use
# --queries 20000 --scale 5000000.
#
# tamga: `cargo xtask latency` (index build time, per-query latency
# percentiles, batch throughput on every core) under /usr/bin/time -v (max
# RSS of the whole process: lists + index); plus `tamga screen` on the CSV
# when the CLI supports it. RapidFuzz: scripts/bench/rapidfuzz_bench.py
# (process.cdist, token_sort_ratio, workers=-1) on the names tamga indexed.
# Scale: `cargo xtask scale` on a synthetic list recombined from real name
# tokens; RapidFuzz timed on a 1-in-10 sample of that list and projected
# linearly (brute force is linear in the number of names).
set -euo pipefail
cd "$(dirname "$0")/../.."

n=5000
latency_n=1000
scale=0
scale_queries=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --queries) n="$2"; shift 2 ;;
    --latency-n) latency_n="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --scale-queries) scale_queries="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

out=target/bench
mkdir -p "$out"
venv=target/eval-venv
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/pip" install -q -r scripts/eval/requirements.txt

cargo build --release -p xtask -p tamga-cli
queries=data/eval/innocents.csv
tv() { /usr/bin/time -v -o "$1" "${@:2}"; }
rss() { awk -F': ' '/Maximum resident/ {print $2}' "$1"; }

echo "== tamga: index build, latency over $latency_n queries, batch of $n" >&2
tv "$out/tamga.time" target/release/xtask latency --queries "$queries" --n "$latency_n" --batch "$n" \
  --json "$out/tamga.json" --export-names "$out/names_all.csv" >/dev/null

cli_s=""
if target/release/tamga screen --help 2>/dev/null | grep -q -- "QUERIES\|--queries\|<FILE>\|\[FILE\]"; then
  head -n $((n + 1)) "$queries" > "$out/queries_$n.csv"
  start=$(date +%s%N)
  if tv "$out/tamga_cli.time" target/release/tamga screen "$out/queries_$n.csv" >"$out/tamga_cli.out" 2>"$out/tamga_cli.err"; then
    end=$(date +%s%N)
    cli_s=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.3f", ns / 1e9}')
  else
    echo "tamga screen CSV failed (see $out/tamga_cli.err); CLI figure skipped" >&2
  fi
fi

echo "== RapidFuzz: same names, same queries" >&2
tv "$out/rapidfuzz.time" "$venv/bin/python" scripts/bench/rapidfuzz_bench.py \
  --names "$out/names_all.csv" --queries "$queries" --n "$n" --latency-n 200 >"$out/rapidfuzz.json"

scale_args=()
if [[ "$scale" -gt 0 ]]; then
  echo "== scale: $scale synthetic names" >&2
  tv "$out/scale.time" target/release/xtask scale --names "$scale" --queries "$scale_queries" \
    --json "$out/scale.json" >/dev/null
  tv "$out/scale_rapidfuzz.time" "$venv/bin/python" scripts/bench/rapidfuzz_bench.py \
    --names data/eval/generated/scale_names_sample.csv --queries data/eval/generated/scale_queries.csv \
    --n "$scale_queries" --latency-n 50 --project-to "$scale" >"$out/scale_rapidfuzz.json"
  scale_args=(--scale "$out/scale.json" --scale-rss "$(rss "$out/scale.time")"
              --scale-rapidfuzz "$out/scale_rapidfuzz.json")
fi

"$venv/bin/python" scripts/bench/summarize.py \
  --tamga "$out/tamga.json" --tamga-rss "$(rss "$out/tamga.time")" \
  --rapidfuzz "$out/rapidfuzz.json" --rapidfuzz-rss "$(rss "$out/rapidfuzz.time")" \
  --cli-seconds "${cli_s:-0}" --cli-rss "$( [[ -n "$cli_s" ]] && rss "$out/tamga_cli.time" || echo 0)" \
  --queries "$n" "${scale_args[@]}" --doc docs/EVALUATION.md | tee "$out/compare.md"
