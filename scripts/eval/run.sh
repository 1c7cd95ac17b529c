#!/usr/bin/env bash
# The whole accuracy evaluation: tamga and its peers on the same query sets.
#
#   scripts/eval/run.sh [--max-per-set N] [--max-innocents N] [-- xtask eval flags]
#
# 1. creates a venv (target/eval-venv) with the pinned peer packages;
# 2. `cargo xtask eval` builds the sets from the real lists, exports them to
#    data/eval/generated/ and scores tamga;
# 3. scripts/eval/peers.py scores RapidFuzz WRatio, token_sort_ratio and the
#    Jaro-Winkler baseline on the same queries and the same indexed names
#    (optionally on a query subsample: --max-per-set / --max-innocents);
# 4. `cargo xtask report` prints the side-by-side table and rewrites the
#    results section of docs/EVALUATION.md and data/eval/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

peer_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --max-per-set|--max-innocents|--methods) peer_args+=("$1" "$2"); shift 2 ;;
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
"$venv/bin/python" scripts/eval/peers.py "${peer_args[@]}"
cargo xtask report
