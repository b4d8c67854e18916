#!/usr/bin/env bash
# Fuzzes the API against its own OpenAPI document with schemathesis: a seeded server
# (PGlite in a temp dir) on loopback, every operation, authenticated as a superuser.
# All phases (coverage, fuzzing, stateful along the document's create → read/update/delete
# links) and every check (`--checks all`: 5xx, response schema and headers, status codes,
# schema-valid requests accepted, schema-invalid ones rejected, 405s, use after delete…);
# any finding fails. scripts/fuzz.toml holds the configuration and what it excludes, and why;
# scripts/fuzz_hooks.py the two rules JSON Schema cannot state.
# Bounded for CI: FUZZ_PHASES (default coverage,fuzzing,stateful), FUZZ_EXAMPLES cases per
# operation in the fuzzing phase (default 3; no `--max-time`, which would repeat fuzzing
# until it is spent and starve the stateful phase), FUZZ_MAX_SECONDS overall (default 330).
# Usage: scripts/fuzz.sh [extra schemathesis run args]   (needs .ci/python-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ST="${TOOLS_VENV:-$PWD/.venv/tools}/bin/st"
[ -x "$ST" ] || bash .ci/python-tools.sh
source scripts/temp-server.sh
RACKPLANE_SEED=1 start_temp_server
echo "fuzzing $URL"

status=0
timeout "${FUZZ_MAX_SECONDS:-330}" "$ST" --config-file scripts/fuzz.toml run openapi/rackplane.yaml \
  --url "$URL" \
  --header "Authorization: Token $TOKEN" \
  --checks all \
  --phases "${FUZZ_PHASES:-coverage,fuzzing,stateful}" \
  --max-examples "${FUZZ_EXAMPLES:-3}" \
  --seed "${FUZZ_SEED:-1}" \
  --workers 2 \
  --generation-database none \
  --request-timeout 20 \
  --no-color \
  "$@" || status=$?
temp_server_health || status=1
exit $status
