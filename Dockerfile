# Multi-stage build of the ML Readiness GitHub App (Quarkus fast-jar layout, the default and last target: app) and
# of the command line (target cli: the one-file CLI jar). The release workflow builds and pushes both.
#   docker build -t ml-readiness .                          # the app
#   docker build --target cli -t ml-readiness-cli .         # the CLI: docker run --rm -v "$PWD:/repo" IMAGE check /repo

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src ./src
RUN mvn -B -DskipTests package

# The command line: the one-file jar with the JVM options of src/main/jvm/cli.options (the launcher's and the
# Action's), and git, which the CLI runs for a repository's file list, --base and --staged. The mounted repository
# belongs to another user than the container's: git is told to trust it.
FROM eclipse-temurin:17-jre AS cli
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*' \
    && groupadd --system readiness \
    && useradd --system --gid readiness --home-dir /app --shell /usr/sbin/nologin readiness
COPY --from=build /build/target/ml-readiness-cli.jar /app/ml-readiness-cli.jar
COPY --from=build /build/src/main/jvm/cli.options /app/cli.options
USER readiness
WORKDIR /repo
ENTRYPOINT ["java","@/app/cli.options","-jar","/app/ml-readiness-cli.jar"]
CMD ["--help"]

FROM eclipse-temurin:17-jre AS app
WORKDIR /app
RUN groupadd --system readiness \
    && useradd --system --gid readiness --home-dir /app --shell /usr/sbin/nologin readiness
# the four parts of target/quarkus-app/, as Quarkus lays them out
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/quarkus/ /app/quarkus/
# the JVM option files (the CLI has an image of its own, target cli above)
COPY --from=build --chown=readiness:readiness /build/src/main/jvm/cli.options /build/src/main/jvm/app.options /app/
# glibc gives each thread that allocates its own malloc arena; two are plenty for a JVM (the heap is Java's own) and
# keep the process's memory flat under load (QueueBenchmark in docs/performance.md runs the app the same way)
ENV MALLOC_ARENA_MAX=2
USER readiness
EXPOSE 8080
# Quarkus listens on 0.0.0.0 in prod. The app needs QUARKUS_GITHUB_APP_APP_ID,
# QUARKUS_GITHUB_APP_PRIVATE_KEY and QUARKUS_GITHUB_APP_WEBHOOK_SECRET in the environment.
CMD ["java","@/app/app.options","-jar","/app/quarkus-run.jar"]
