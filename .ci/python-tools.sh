#!/usr/bin/env bash
# Python tooling for the OpenAPI checks: schemathesis (fuzzing the document against a live
# server) and openapi-python-client (generating the Python client the scenario uses).
# Idempotent: an existing venv with both tools is kept. Lives in .venv/tools (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TOOLS_VENV:-$PWD/.venv/tools}"
if [ -x "$VENV/bin/st" ] && [ -x "$VENV/bin/openapi-python-client" ]; then
  echo "python tools present in $VENV"
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4,<5" "openapi-python-client>=0.26,<1"
"$VENV/bin/st" --version
echo "python tools installed in $VENV"
