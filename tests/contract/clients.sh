#!/usr/bin/env bash
# Generates the clients an integrator would generate from docs/api/gateway.yaml with openapi-generator (the CLI at
# the version pinned below, from Maven Central through the Maven wrapper): a Java client (library native) that must
# compile, and a Python client that must byte-compile. The generator validates the document first, so a document it
# refuses fails here (docs/api-guide.md, "Client generation"). It works in the repository's build output folder.
set -euo pipefail
GENERATOR_VERSION=7.17.0
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/target/contract-clients"
rm -rf "$OUT" && mkdir -p "$OUT"
"$ROOT/mvnw" -B -q -N -f "$ROOT/pom.xml" dependency:copy \
  -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" -DoutputDirectory="$OUT" >/dev/null
CLI="$OUT/openapi-generator-cli-$GENERATOR_VERSION.jar"

echo "-- Java client (openapi-generator $GENERATOR_VERSION, library native)"
java -jar "$CLI" generate -i "$ROOT/docs/api/gateway.yaml" -g java --library native -o "$OUT/java" \
  --additional-properties=groupId=io.shieldfab.client,artifactId=shieldfab-client,invokerPackage=io.shieldfab.client,apiPackage=io.shieldfab.client.api,modelPackage=io.shieldfab.client.model \
  >"$OUT/java-generate.log"
"$ROOT/mvnw" -B -q -f "$OUT/java/pom.xml" -DskipTests compile
# the calls read as the domain (issue #16): a named operation per route, files as files
grep -q 'public HandoffView createHandoff(' "$OUT/java/src/main/java/io/shieldfab/client/api/HandoffsApi.java"
grep -q 'public File getLayoutGds(' "$OUT/java/src/main/java/io/shieldfab/client/api/LayoutsApi.java"
grep -q 'public .* approveRecipe(' "$OUT/java/src/main/java/io/shieldfab/client/api/RecipesApi.java"
echo "   generated and compiled: $(ls "$OUT/java/src/main/java/io/shieldfab/client/api" | wc -l) API classes"

echo "-- Python client (openapi-generator $GENERATOR_VERSION)"
java -jar "$CLI" generate -i "$ROOT/docs/api/gateway.yaml" -g python -o "$OUT/python" \
  --additional-properties=packageName=shieldfab_client >"$OUT/python-generate.log"
/usr/bin/python3 -m compileall -q "$OUT/python/shieldfab_client" >/dev/null
echo "   generated and byte-compiled: $(ls "$OUT/python/shieldfab_client/api" | grep -c '_api.py') API modules"
