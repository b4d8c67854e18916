#!/usr/bin/env bash
# Generates a Go client from the committed OpenAPI document with oapi-codegen (a Go module,
# pinned; output in ./rackplane, gitignored, never edited) and runs the client scenario
# (scenario_test.go) against a fresh loopback server.
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod
go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2 -config oapi-codegen.yaml ../../openapi/rackplane.yaml
source ../../scripts/temp-server.sh
start_temp_server
status=0
RACKPLANE_URL="$URL" RACKPLANE_TOKEN="$TOKEN" go test -count=1 -v ./... || status=$?
temp_server_health || status=1
exit $status
