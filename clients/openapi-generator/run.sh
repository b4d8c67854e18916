#!/usr/bin/env bash
# openapi-generator (the Maven Central jar, pinned) generates the python, typescript-axios,
# go and java clients from the committed document in one JVM (`batch`; configs *.yaml here,
# output in generated/, gitignored, never edited); each is compiled (pip install + import,
# tsc, go build, mvn compile of the generated pom) and runs the client scenario against one
# fresh loopback server. Needs java + mvn, go, python3 and node (the polyglot machine has them).
set -euo pipefail
cd "$(dirname "$0")"
VERSION=7.25.0
CACHE="${OPENAPI_GENERATOR_CACHE:-$HOME/.cache/rackplane/openapi-generator}"
JAR="$CACHE/openapi-generator-cli-$VERSION.jar"
VENV="${TOOLS_VENV:-$PWD/../../.venv/tools}"
step() { echo "-- openapi-generator: $1 ($(( $(date +%s) - started ))s)"; }
started=$(date +%s)

if [ ! -f "$JAR" ]; then
  step "fetching openapi-generator-cli $VERSION"
  mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$VERSION" -DoutputDirectory="$CACHE"
fi
step "generating python, typescript-axios, go, java"
rm -rf generated
# The YAML is over SnakeYAML's 3 MiB default input limit (swagger-parser's maxYamlCodePoints).
java -DmaxYamlCodePoints=33554432 -jar "$JAR" batch --clean --fail-fast --threads 4 --root-dir . \
  python.yaml typescript-axios.yaml go.yaml java.yaml >generated.log 2>&1 || { tail -50 generated.log; exit 1; }
grep -E '^\[(SUCCESS|FAIL)' generated.log

# Compile everything before the server starts.
step "java: mvn compile (generated pom)"
(cd generated/java && mvn -q -B -Dstyle.color=never compile -Dmaven.javadoc.skip=true &&
  mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=classpath.txt)
step "go: build"
printf 'module rackplane.local/oag\n\ngo 1.21\n' >generated/go/go.mod
(cd go && GOFLAGS=-mod=mod go vet ./... && GOFLAGS=-mod=mod go test -count=1 -run '^$' ./...)
step "typescript-axios: tsc (strict)"
node_modules/.bin/tsc -p typescript
step "python: install"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall generated/python

source ../../scripts/temp-server.sh
start_temp_server
export RACKPLANE_URL="$URL" RACKPLANE_TOKEN="$TOKEN"
status=0
step "python scenario"
"$VENV/bin/python" python/scenario.py || status=1
step "typescript-axios scenario"
node --import tsx typescript/scenario.ts || status=1
step "go scenario"
(cd go && GOFLAGS=-mod=mod go test -count=1 -v ./...) || status=1
step "java scenario"
java -cp "generated/java/target/classes:$(cat generated/java/classpath.txt)" java/Scenario.java || status=1
temp_server_health || status=1
step "done (status $status)"
exit $status
