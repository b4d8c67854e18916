#!/usr/bin/env bash
# Installs (if missing) and starts PostgreSQL on 127.0.0.1:5432 with a `rackplane`
# role and database. Idempotent: safe to run on a machine where it already runs.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then pg_createcluster "$ver" main >/dev/null; fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rackplane') THEN
    CREATE ROLE rackplane LOGIN PASSWORD 'rackplane' CREATEDB;
  END IF;
END $$;
-- Tests drop their databases WITH (FORCE), which may need to end other sessions.
GRANT pg_signal_backend TO rackplane;
SELECT 'CREATE DATABASE rackplane OWNER rackplane' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'rackplane')\gexec
SQL
