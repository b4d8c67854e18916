# Sourced by scripts that need a live server on loopback (fuzzing, generated clients):
# `start_temp_server` starts one on a fresh PGlite data dir (never CI's DATABASE_URL) with
# a superuser token, sets URL, TOKEN, SERVER_PID and stops it on exit. RACKPLANE_SEED=1 seeds.
start_temp_server() {
  local root log
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  TEMP_SERVER_DIR=$(mktemp -d)
  log="$TEMP_SERVER_DIR/server.log"
  TOKEN=$(node -e 'console.log(require("node:crypto").randomBytes(20).toString("hex"))')
  trap 'stop_temp_server' EXIT
  # One node process (tsx as a loader) so the pid we stop is the server itself.
  (cd "$root/apps/server" && DATABASE_URL= PORT=0 RACKPLANE_DATA_DIR="$TEMP_SERVER_DIR/pglite" \
    RACKPLANE_ADMIN_TOKEN="$TOKEN" RACKPLANE_RATE_LIMIT=0 RACKPLANE_BCRYPT_ROUNDS=4 \
    RACKPLANE_LOG_LEVEL=error exec node --import tsx src/cli.ts serve) >"$log" 2>&1 &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 360); do  # up to 3 min: seeding on a busy machine is slow
    URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)
    [ -n "$URL" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "server did not start:"; cat "$log"; return 1
}

stop_temp_server() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "${TEMP_SERVER_DIR:-}" ] && rm -rf "$TEMP_SERVER_DIR"
  return 0
}

# The server's error lines (level 50), if any; and 1 if the server died.
temp_server_health() {
  grep '"level":50' "$TEMP_SERVER_DIR/server.log" | head -20 | cut -c1-600 || true
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server died:"; tail -50 "$TEMP_SERVER_DIR/server.log"; return 1; }
}
