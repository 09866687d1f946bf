# shielding-service image: the service as a Quarkus fast-jar on Debian 12 with OpenJDK 17 and openEMS, the field
# solver of its full-wave verifications (Debian package openems; /usr/bin/openEMS is shieldfab.fullwave.executable).
# The verification Jobs run this same image (docs/shielding.md, "Verification runs on Kubernetes"), so the service
# and its runs always match. The other three services use k8s/images/Dockerfile (UBI, which has no openEMS package).
#
# Build the production jar first, then the image, from the repository root:
#   ./mvnw -B -DskipTests package -Dquarkus.profile=prod
#   podman build -f k8s/images/shielding-service.Dockerfile --build-arg SERVICE=shielding-service --build-arg PORT=8082 \
#     -t ghcr.io/shieldfab/shielding-service:0.1.0 shielding-service
# (k8s/images/build.sh does it with the other three.) The build context is the module folder: only
# target/quarkus-app/ is copied.
FROM debian:bookworm-slim

# Same arguments as k8s/images/Dockerfile; no defaults, so an image cannot be mislabelled.
ARG SERVICE
ARG PORT

LABEL org.opencontainers.image.title="shieldfab-${SERVICE}" \
      org.opencontainers.image.source="k8s/images/shielding-service.Dockerfile"

# The JRE and the solver (without its Octave front end: --no-install-recommends); user 185 as in the UBI images,
# so the manifests' runAsUser is the same for the four services.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless openems \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin shieldfab \
 && mkdir -p /deployments && chown 185:0 /deployments

COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 target/quarkus-app/*.jar /deployments/
COPY --chown=185 target/quarkus-app/app/ /deployments/app/
COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/

EXPOSE ${PORT}
USER 185
WORKDIR /deployments
ENV LANGUAGE='en_US:en' \
    SHIELDFAB_BIND_HOST=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# A verification Job's pod sets JAVA_TOOL_OPTIONS (a fixed heap) on top of these; -Xmx there wins over the percentage.
ENTRYPOINT [ "sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar" ]
