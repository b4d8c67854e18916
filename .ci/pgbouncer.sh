#!/usr/bin/env bash
# PgBouncer (transaction pooling) for the test of several servers behind a pooler, from Debian.
# Only the binary: the test writes its own configuration and starts its own instance.
# Idempotent: does nothing when pgbouncer is already installed.
set -euo pipefail
if command -v pgbouncer >/dev/null; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null 2>&1 || {
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null
}
# The package's own service is not wanted; the test runs its instance on a free port.
(command -v systemctl >/dev/null && systemctl disable --now pgbouncer >/dev/null 2>&1) || true
service pgbouncer stop >/dev/null 2>&1 || true
pgbouncer --version | head -1
