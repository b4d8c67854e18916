#!/usr/bin/env bash
# Installs OpenStack's sushy-tools (a real Redfish BMC emulator) into a venv so the
# bare-metal tests can start several `sushy-emulator` processes on loopback.
# Idempotent: an existing venv with a working emulator is kept.
# The venv lives in .venv/sushy (gitignored); tests find it via SUSHY_VENV or that default.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${SUSHY_VENV:-$PWD/.venv/sushy}"
if [ -x "$VENV/bin/sushy-emulator" ] && "$VENV/bin/python" -c "import sushy_tools, bcrypt" 2>/dev/null; then
  echo "sushy-tools present in $VENV"
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "sushy-tools>=2.0"
"$VENV/bin/sushy-emulator" --help >/dev/null
echo "sushy-tools installed in $VENV"
