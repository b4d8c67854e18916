#!/usr/bin/env bash
# Fuzzes the API against its own OpenAPI document with schemathesis: a seeded server
# (PGlite in a temp dir, never CI's DATABASE_URL) on loopback, every operation, authenticated as
# a superuser. Fails on any 5xx, any response that violates the document, a crash.
# Bounded for CI: FUZZ_PHASES (default fuzzing; also examples,coverage,stateful), FUZZ_EXAMPLES
# cases per operation (default 3), FUZZ_MAX_SECONDS overall (default 170).
# Usage: scripts/fuzz.sh [extra schemathesis args]   (needs .ci/python-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ST="${TOOLS_VENV:-$ROOT/.venv/tools}/bin/st"
[ -x "$ST" ] || bash .ci/python-tools.sh
DATA=$(mktemp -d)
LOG=$(mktemp)
TOKEN=$(node -e 'console.log(require("node:crypto").randomBytes(20).toString("hex"))')
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

# One node process (tsx as a loader) so the pid we stop is the server itself.
(cd apps/server && DATABASE_URL= PORT=0 RACKPLANE_DATA_DIR="$DATA/pglite" RACKPLANE_SEED=1 RACKPLANE_ADMIN_TOKEN="$TOKEN" \
  RACKPLANE_RATE_LIMIT=0 RACKPLANE_BCRYPT_ROUNDS=4 RACKPLANE_LOG_LEVEL=error \
  exec node --import tsx src/cli.ts serve) >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$LOG" | head -1 || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.5
done
[ -n "$URL" ] || { echo "server did not start"; cat "$LOG"; exit 1; }
echo "fuzzing $URL"

status=0
timeout "${FUZZ_MAX_SECONDS:-170}" "$ST" run openapi/rackplane.yaml \
  --url "$URL" \
  --header "Authorization: Token $TOKEN" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --phases "${FUZZ_PHASES:-fuzzing}" \
  --max-examples "${FUZZ_EXAMPLES:-3}" \
  --seed "${FUZZ_SEED:-1}" \
  --workers 2 \
  --generation-database none \
  --request-timeout 20 \
  --no-color \
  "$@" || status=$?

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "the server died during fuzzing:"; cat "$LOG"; exit 1
fi
if grep -q '"level":50' "$LOG"; then echo "server errors logged:"; grep '"level":50' "$LOG" | head -20 | cut -c1-600; fi
exit $status
