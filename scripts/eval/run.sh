#!/usr/bin/env bash
# The whole accuracy evaluation: tamga and its peers on the same query sets.
#
#   scripts/eval/run.sh [--wratio-per-set N] [--wratio-innocents N] [-- xtask eval flags]
#
# 1. creates a venv (target/eval-venv) with the pinned peer packages;
# 2. `cargo xtask eval` builds the sets from the real lists, exports them to
#    data/eval/generated/ and scores tamga;
# 3. scripts/eval/peers.py scores RapidFuzz token_sort_ratio (plain and after
#    Unidecode transliteration) and the Jaro-Winkler baseline on every query, and RapidFuzz WRatio (about 60x
#    slower) on a query subsample (default 100 per set, 3,000 innocents; pass
#    0 for all), against the same indexed names;
# 4. `cargo xtask report` prints the side-by-side table and rewrites the
#    results section of docs/EVALUATION.md and data/eval/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

wratio_per_set=100
wratio_innocents=3000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --wratio-per-set) wratio_per_set="$2"; shift 2 ;;
    --wratio-innocents) wratio_innocents="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

venv=target/eval-venv
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q -r scripts/eval/requirements.txt

if [[ ! -f data/eval/innocents.csv ]]; then
  "$venv/bin/python" scripts/eval/make_innocents.py
fi

cargo xtask eval "$@"
"$venv/bin/python" scripts/eval/peers.py --methods rapidfuzz_token_sort,jaro_winkler,rapidfuzz_token_sort_unidecode
"$venv/bin/python" scripts/eval/peers.py --methods rapidfuzz_wratio \
  --max-per-set "$wratio_per_set" --max-innocents "$wratio_innocents"
cargo xtask report
