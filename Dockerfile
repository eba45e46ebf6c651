# Multi-stage build of the ML Readiness GitHub App (Quarkus fast-jar layout).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN groupadd --system readiness \
    && useradd --system --gid readiness --home-dir /app --shell /usr/sbin/nologin readiness
# the four parts of target/quarkus-app/, as Quarkus lays them out
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=readiness:readiness /build/target/quarkus-app/quarkus/ /app/quarkus/
# the command line's JVM options, shared with the ./readiness launcher (src/main/jvm/cli.options); the CLI in this
# image: docker run --entrypoint java IMAGE @/app/cli.options -cp '/app/app/*:/app/lib/main/*:/app/lib/boot/*'
#   dev.mlreadiness.cli.Main check /repo
COPY --from=build --chown=readiness:readiness /build/src/main/jvm/cli.options /build/src/main/jvm/app.options /app/
# glibc gives each thread that allocates its own malloc arena; two are plenty for a JVM (the heap is Java's own) and
# keep the process's memory flat under load (QueueBenchmark in docs/performance.md runs the app the same way)
ENV MALLOC_ARENA_MAX=2
USER readiness
EXPOSE 8080
# Quarkus listens on 0.0.0.0 in prod. The app needs QUARKUS_GITHUB_APP_APP_ID,
# QUARKUS_GITHUB_APP_PRIVATE_KEY and QUARKUS_GITHUB_APP_WEBHOOK_SECRET in the environment.
CMD ["java","@/app/app.options","-jar","/app/quarkus-run.jar"]
