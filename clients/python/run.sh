#!/usr/bin/env bash
# Generates a Python client from the committed OpenAPI document with openapi-python-client
# (into a temp dir: generated code is never committed or edited), installs it in the tools
# venv and runs clients/python/scenario.py against a fresh loopback server.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${TOOLS_VENV:-$PWD/.venv/tools}"
[ -x "$VENV/bin/openapi-python-client" ] || bash .ci/python-tools.sh
OUT=$(mktemp -d)
"$VENV/bin/openapi-python-client" generate --path openapi/rackplane.yaml --meta setup \
  --output-path "$OUT/client" --overwrite 2>&1 | grep -v -e "ruff" -e "Skipping Integration" -e '^$' || true
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$OUT/client"
"$VENV/bin/pip" install --quiet --disable-pip-version-check httpx attrs python-dateutil
rm -rf "$OUT"
source scripts/temp-server.sh
start_temp_server
status=0
RACKPLANE_URL="$URL" RACKPLANE_TOKEN="$TOKEN" "$VENV/bin/python" clients/python/scenario.py || status=$?
temp_server_health || status=1
exit $status
