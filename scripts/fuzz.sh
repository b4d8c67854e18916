#!/usr/bin/env bash
# Fuzzes the API against its own OpenAPI document with schemathesis: a seeded server
# (PGlite in a temp dir) on loopback, every operation, authenticated as a superuser.
# All three phases — coverage, fuzzing, and stateful along the document's create → read/update/
# delete links — with every check (`--checks all`: 5xx, response schemas and headers, status codes,
# schema-valid requests accepted, schema-invalid ones rejected, 405s, use after delete…);
# any finding fails. scripts/fuzz.toml holds the configuration, what it leaves out and why;
# scripts/fuzz_hooks.py the rules JSON Schema cannot state.
# Bounded for CI: each phase runs on its own time budget (one schemathesis run per phase
# against the same server), so a slow machine shortens a phase but never drops one:
# FUZZ_PHASES (default coverage,fuzzing,stateful), FUZZ_SECONDS_<PHASE> (coverage 15,
# fuzzing 25, stateful 25: 65 s of fuzzing, 95 s of wall time with the three document loads and
# the server start on a loaded 2-core machine), FUZZ_EXAMPLES cases per operation (default 3).
# Every check runs, positive-data acceptance included: the document says what the server
# validates (the attributes a reference's target is resolved by, password length, NUL in text
# filters…); fuzz_hooks.py holds the few rules JSON Schema cannot state. FUZZ_EXCLUDE_CHECKS
# (a comma list, empty by default) leaves checks out of a local run.
# A response slower than 60 s is a finding (`--checks all` includes response time; its 10 s
# default fails on a machine at load average 50, where a write took 11 s).
# Usage: scripts/fuzz.sh [extra schemathesis run args]   (needs .ci/python-tools.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ST="${TOOLS_VENV:-$PWD/.venv/tools}/bin/st"
[ -x "$ST" ] || bash .ci/python-tools.sh
source scripts/temp-server.sh
RACKPLANE_SEED=1 start_temp_server
echo "fuzzing $URL"

declare -A budget=([coverage]="${FUZZ_SECONDS_COVERAGE:-15}" [fuzzing]="${FUZZ_SECONDS_FUZZING:-25}" [stateful]="${FUZZ_SECONDS_STATEFUL:-25}")
status=0
IFS=, read -ra phases <<<"${FUZZ_PHASES:-coverage,fuzzing,stateful}"
for phase in "${phases[@]}"; do
  seconds="${budget[$phase]:-60}"
  extra=()
  exclude="${FUZZ_EXCLUDE_CHECKS-}"
  [ -n "$exclude" ] && extra+=(--exclude-checks "$exclude")
  workers=2
  # The coverage phase builds Hypothesis strategies while it runs, and Hypothesis describes their
  # lambdas with `ast.parse`, which CPython 3.11 cannot run in two threads at once ("SystemError:
  # AST constructor recursion depth mismatch", reported as "Inconsistent results" on whichever
  # body was being built). One worker there; the fuzzing phase keeps two.
  [ "$phase" = coverage ] && workers=1
  echo "== schemathesis $phase phase (${seconds}s)"
  # The kill is only for a hung run: loading the 3 MB document alone took 93 s at load average 30.
  timeout "$((seconds + 300))" "$ST" --config-file scripts/fuzz.toml run openapi/rackplane.yaml \
    --url "$URL" \
    --header "Authorization: Token $TOKEN" \
    --checks all \
    --phases "$phase" \
    --max-examples "${FUZZ_EXAMPLES:-3}" \
    --max-time "$seconds" \
    --seed "${FUZZ_SEED:-1}" \
    --workers "$workers" \
    --generation-database none \
    --request-timeout 60 \
    --max-response-time 60 \
    --no-color \
    "${extra[@]}" \
    "$@" 2>&1 | tee "$TEMP_SERVER_DIR/$phase.log" || status=$?
  # schemathesis 4.32.5 exits 0 when a time-budgeted stateful run ends with findings (the phase
  # ends as cut short, which does not outrank "failed" being set): its summary is the verdict.
  if grep -Eq '^=+ [0-9]+ (failures?|errors?)\b|[0-9]+ unique failures?' "$TEMP_SERVER_DIR/$phase.log"; then
    [ "$status" -eq 0 ] && status=1
  fi
done
temp_server_health || status=1
exit $status
