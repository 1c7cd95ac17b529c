#!/usr/bin/env bash
# The main job on the bundled real data, from a fresh clone:
#   1. build tamga (release),
#   2. load and fingerprint every bundled official list,
#   3. screen a real customer book (the 2015 Kazakh Mazhilis deputies, a PEP
#      population) against the sanctions and PEP lists,
#   4. screen real listed names written in other scripts and conventions,
#   5. decide a real licence case (Lukoil wind-down under OFAC GL 126).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

cargo build --release -p tamga-cli
tamga=target/release/tamga

echo "== 1. Bundled lists (source, publication date, counts, sha256)"
"$tamga" lists inspect

echo
echo "== 2. Screening a customer book: data/lists/pep/everypolitician_2015-11-30/Kazakhstan/names.csv"
out=$(mktemp)
"$tamga" screen data/lists/pep/everypolitician_2015-11-30/Kazakhstan/names.csv --format jsonl >"$out"
total=$(wc -l <"$out")
alerts=$(grep -vc '"matches":\[\]' "$out" || true)
echo "$total customers screened, $alerts with at least one alert (score >= 0.7)."
echo "Alerts by list of the best match:"
grep -o '"matches":\[{"entity_id":"[^"]*","source":"[^"]*"' "$out" \
  | sed 's/.*"source":"//; s/"$//' | sort | uniq -c || true
echo "First alert, with its explanation:"
sed -n '/"matches":\[{/{p;q}' "$out" | cut -c1-600
rm -f "$out"

echo
echo "== 3. Listed names in another script or transliteration"
for name in "Владимир Путин" "Ramzan Akhmatovich Kadyrov" "Рамзан Кадыров" "Sergei Shoigu"; do
  echo "-- $name"
  "$tamga" screen --name "$name" --limit 3 --format table
done
"$tamga" compare "Мирзиёев Шавкат Миромонович" "Shavkat Mirziyoyev"

echo
echo "== 4. A licence decision: Lukoil subsidiary wind-down (OFAC GL 126), the last day and the day after"
for date in 2025-11-20 2025-11-21; do
  "$tamga" decide data/licences/examples/turgai_wind_down.json --date "$date" \
    --list data/lists/ofac/sdn_2023-12-28 --list data/lists/ofac/consolidated_2025-12 \
    --list data/lists/un/2026-02-27/consolidated.xml \
    --ownership data/ownership/scenarios.csv --format text || true
done
