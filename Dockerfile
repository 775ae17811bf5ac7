# Neural-network playground server.
#
#   docker build -t playground .
#   docker run -p 8080:8080 playground          # then open http://localhost:8080/
#
# Base images are build arguments so that a mirror or a locally built image can be
# used instead (scripts/container-smoke.sh does that with podman).
# Extra Maven flags (e.g. -s settings.xml, -Dhttps.proxyHost=...) : --build-arg MVN_ARGS="..."
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUN_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------- build stage
FROM ${BUILD_IMAGE} AS build
ARG MVN_ARGS=""
WORKDIR /build

# Dependencies first, in their own layer: rebuilding after a code change does not
# download them again. Plugins the offline goal misses are fetched by the package step.
COPY pom.xml ./
RUN mvn -B -q ${MVN_ARGS} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline

# Whole build context (pom.xml, src/, web/ ... minus .dockerignore entries); the
# pom bundles web/ into the jar as classpath resources.
COPY . ./
RUN mvn -B -ntp -DskipTests ${MVN_ARGS} package \
 && cp target/playground.jar /build/playground.jar

# -------------------------------------------------------------- runtime stage
FROM ${RUN_IMAGE}
ARG APP_UID=10001

# Unprivileged user (useradd where it exists, plain /etc/passwd entry otherwise).
RUN set -eu; \
    if command -v useradd >/dev/null 2>&1; then \
      groupadd --gid "${APP_UID}" app; \
      useradd --uid "${APP_UID}" --gid "${APP_UID}" --home-dir /app --no-create-home \
              --shell /usr/sbin/nologin app; \
    else \
      echo "app:x:${APP_UID}:${APP_UID}:playground:/app:/usr/sbin/nologin" >> /etc/passwd; \
      echo "app:x:${APP_UID}:" >> /etc/group; \
    fi

WORKDIR /app
COPY --from=build /build/playground.jar /app/playground.jar

# Saved runs: the embedded database lives in /data (DATA_DIR), a volume owned by the app user so
# it survives new images; DATABASE_URL points at PostgreSQL instead.
RUN mkdir -p /data && chown "${APP_UID}:${APP_UID}" /data
VOLUME ["/data"]

USER ${APP_UID}:${APP_UID}
ENV PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
EXPOSE 8080

# No curl in JRE images: plain HTTP/1.0 request through bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && timeout 4 cat <&3 | grep -Eq '\"status\" *: *\"ok\"'"]

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/playground.jar"]
CMD ["serve"]
