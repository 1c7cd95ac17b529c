#!/usr/bin/env bash
# Load test of `tamga serve` on loopback.
#
#   scripts/loadtest.sh            # defaults below
#   DURATION=20s CONNS=64 scripts/loadtest.sh
#
# 1. builds the release binary, 2. starts `tamga serve` on 127.0.0.1 with the
# bundled lists and a throw-away API key, 3. waits for /readyz, 4. runs wrk
# against /search and /match (single-person queries over real listed names)
# and reports throughput and p50/p90/p99, 5. runs /match load while calling
# POST /admin/refresh several times and FAILS unless every request got a 2xx
# and every refresh succeeded. Bounded: each phase runs DURATION, requests
# time out after 5 s, the server is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/scripts/loadtest"
PORT="${PORT:-18080}"
DURATION="${DURATION:-10s}"
CONNS="${CONNS:-32}"
THREADS="${THREADS:-2}"
REFRESHES="${REFRESHES:-3}"
BASE="http://127.0.0.1:$PORT"

# Real names from the bundled lists: UN consolidated 2026-02-27 (DATAIDs
# 6907993, 6908023, 6907995) and OFAC SDN 2023-12-28 (ent_nums 2674, 2676).
NAMES="ERIC BADEGE|THOMAS LUBANGA|GASTON IYAMUREMYE|Abu ABBAS|Ayman AL ZAWAHIRI"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

echo "== building release"
(cd "$ROOT" && cargo build --release -q -p tamga-cli)
BIN="$ROOT/target/release/tamga"

KEY="loadtest-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH="$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)"
LOG="$(mktemp -t tamga-loadtest.XXXXXX.log)"

echo "== starting tamga serve on $BASE (log: $LOG)"
TAMGA_API_KEYS="loadtest:screen+admin:$HASH" TAMGA_LOG="${TAMGA_LOG:-warn}" \
  "$BIN" serve --bind "127.0.0.1:$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT

start=$(date +%s)
until curl -fsS "$BASE/readyz" >/dev/null 2>&1; do
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited:"; cat "$LOG"; exit 1; fi
  if [ $(( $(date +%s) - start )) -gt 600 ]; then echo "not ready after 600 s"; exit 1; fi
  sleep 0.5
done
echo "== ready after $(( $(date +%s) - start )) s: $(curl -fsS "$BASE/readyz")"

export LOADTEST_DIR="$DIR" LOADTEST_NAMES="$NAMES" LOADTEST_KEY="$KEY"

run() { # name script -> prints and stores the RESULT line
  local name=$1 script=$2
  local out
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 5s -s "$DIR/$script" "$BASE")
  local line
  line=$(grep '^RESULT' <<<"$out")
  printf '%-22s %s\n' "$name" "${line#RESULT }"
  RESULT_LINE="$line"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$RESULT_LINE"; }

echo "== warm-up"
DURATION=3s run "warm-up /match" match.lua >/dev/null
echo "== load ($THREADS threads, $CONNS connections, $DURATION each)"
run "GET /search" search.lua
run "POST /match/default" match.lua

echo "== /match load while refreshing $REFRESHES times"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 5s -s "$DIR/match.lua" "$BASE" >"$LOG.wrk" &
WRK=$!
sleep 1
fail=0
for i in $(seq "$REFRESHES"); do
  code=$(curl -s -o "$LOG.refresh" -w '%{http_code}' -X POST -H "Authorization: Bearer $KEY" "$BASE/admin/refresh")
  echo "   refresh $i: HTTP $code $(head -c 200 "$LOG.refresh")"
  [ "$code" = 200 ] || fail=1
done
wait "$WRK"
RESULT_LINE=$(grep '^RESULT' "$LOG.wrk")
printf '%-22s %s\n' "match during refresh" "${RESULT_LINE#RESULT }"
non2xx=$(field non2xx); socket=$(field socket_errors)
if [ "$non2xx" != 0 ] || [ "$socket" != 0 ] || [ "$fail" != 0 ]; then
  echo "FAIL: non-2xx=$non2xx socket-errors=$socket refresh-failed=$fail"
  exit 1
fi
echo "== OK: zero failed requests across $REFRESHES refreshes"
curl -fsS "$BASE/metrics" | grep -E '^tamga_(refresh_attempts_total|refresh_failures_total|lists_version|requests_rejected_total)' || true
