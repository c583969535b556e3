#!/usr/bin/env bash
# `npm start` with no DATABASE_URL (embedded PostgreSQL), wait for /ready, one GraphQL query
# with curl, SIGTERM, and a clean exit within 15 s leaving no PostgreSQL process behind.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

port=${SMOKE_PORT:-3000}
data_dir=$(pwd)/.data
log=$(mktemp)
unset DATABASE_URL

start=$(date +%s%N)
PORT=$port npm start >"$log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; cat "$log" | tail -n 40' ERR

ready=""
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then ready=yes; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early"; tail -n 40 "$log"; exit 1; fi
  sleep 0.5
done
[ -n "$ready" ] || { echo "not ready within 120 s"; tail -n 40 "$log"; exit 1; }
echo "ready after $((($(date +%s%N) - start) / 1000000)) ms (cold start, includes build)"

curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root">' || { echo "web app not served at /"; exit 1; }
answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  --data '{"query":"{ systemInfo { productName databaseMode appliedMigrations } }"}')
echo "GraphQL: $answer"
echo "$answer" | grep -q '"databaseMode":"EMBEDDED"' || { echo "unexpected GraphQL answer"; exit 1; }

kill -TERM "$pid"
stopped=""
for _ in $(seq 1 150); do
  if ! kill -0 "$pid" 2>/dev/null; then stopped=yes; break; fi
  sleep 0.1
done
[ -n "$stopped" ] || { echo "did not exit within 15 s of SIGTERM"; tail -n 40 "$log"; exit 1; }
set +e
wait "$pid"
code=$?
set -e
[ "$code" -eq 0 ] || { echo "exit code $code after SIGTERM"; tail -n 40 "$log"; exit 1; }
if pgrep -f -- "$data_dir/postgres" >/dev/null; then
  echo "PostgreSQL still running after shutdown:"; pgrep -af -- "$data_dir/postgres"; exit 1
fi
echo "stopped cleanly (exit 0), no PostgreSQL left running"
rm -f "$log"
