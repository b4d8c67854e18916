#!/usr/bin/env bash
# Python tooling for the OpenAPI checks: schemathesis (fuzzing the document against a live
# server) and openapi-python-client (generating the Python client the scenario uses).
# Idempotent: an existing venv with both tools (and that schemathesis) is kept. Lives in .venv/tools (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TOOLS_VENV:-$PWD/.venv/tools}"
# One exact schemathesis: its generators change from release to release, and CI's fuzz
# budget and findings are measured with this one. A venv with another version is upgraded.
SCHEMATHESIS=4.32.5
if [ -x "$VENV/bin/st" ] && [ -x "$VENV/bin/openapi-python-client" ] &&
  "$VENV/bin/st" --version | grep -qx "st, version $SCHEMATHESIS"; then
  echo "python tools present in $VENV"
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS" "openapi-python-client>=0.26,<1"
"$VENV/bin/st" --version
echo "python tools installed in $VENV"
