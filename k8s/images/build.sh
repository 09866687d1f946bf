#!/usr/bin/env bash
# Builds the four ShieldFab images from the production jars, from k8s/images/<service>.Dockerfile where there is
# one (shielding-service: Debian with openEMS, for its verification runs) and k8s/images/Dockerfile otherwise:
# SERVICE names the module (the build context), PORT is that service's quarkus.http.port, read from its
# application.properties so that the image exposes the port the service listens on.
#
#   k8s/images/build.sh [TAG]           # default tag 0.1.0; REGISTRY=ghcr.io/shieldfab, ENGINE=podman|docker|buildah
#   PUSH=1 k8s/images/build.sh 0.1.0    # and push them
#
# Needs a container engine (none runs on the CI machines, so CI does not call this). The jars are
# built with -Dquarkus.profile=prod: Quarkus fixes the database kind at build time, and only the
# prod flavour talks to PostgreSQL from SHIELDFAB_DB_*.
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-0.1.0}"
registry="${REGISTRY:-ghcr.io/shieldfab}"
engine="${ENGINE:-}"
if [[ -z "$engine" ]]; then
  for e in podman docker buildah; do command -v "$e" >/dev/null 2>&1 && { engine="$e"; break; }; done
fi
[[ -n "$engine" ]] || { echo "no container engine (podman, docker or buildah) found" >&2; exit 2; }
build=(build)
[[ "$engine" == buildah ]] && build=(bud)

./mvnw -B -DskipTests package -Dquarkus.profile=prod
for service in gateway layout-service shielding-service recipe-service; do
  image="$registry/$service:$tag"
  port="$(sed -n 's/^quarkus\.http\.port=\([0-9]*\)$/\1/p' "$service/src/main/resources/application.properties")"
  [[ -n "$port" ]] || { echo "no quarkus.http.port in $service/src/main/resources/application.properties" >&2; exit 2; }
  dockerfile=k8s/images/Dockerfile
  [[ -f "k8s/images/$service.Dockerfile" ]] && dockerfile="k8s/images/$service.Dockerfile"
  "$engine" "${build[@]}" -f "$dockerfile" --build-arg SERVICE="$service" --build-arg PORT="$port" \
    -t "$image" "$service"
  if [[ "${PUSH:-}" == 1 ]]; then "$engine" push "$image"; fi
  echo "built $image"
done
