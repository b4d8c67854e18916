#!/usr/bin/env bash
# Fuzzes the API against its own OpenAPI document with schemathesis: a seeded server
# (PGlite in a temp dir) on loopback, every operation, authenticated as a superuser.
# Fails on any 5xx, any response that violates the document, a server crash.
# Bounded for CI: FUZZ_PHASES (default fuzzing; also examples,coverage,stateful), FUZZ_EXAMPLES
# cases per operation (default 3), FUZZ_MAX_SECONDS overall (default 170).
# Usage: scripts/fuzz.sh [extra schemathesis args]   (needs .ci/python-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ST="${TOOLS_VENV:-$PWD/.venv/tools}/bin/st"
[ -x "$ST" ] || bash .ci/python-tools.sh
source scripts/temp-server.sh
RACKPLANE_SEED=1 start_temp_server
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
temp_server_health || status=1
exit $status
