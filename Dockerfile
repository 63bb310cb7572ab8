# syntax=docker/dockerfile:1
# One image recipe for all six services:  docker build --build-arg SERVICE=order-service -t microplatform/order-service .
# (docker compose passes SERVICE for each service itself).
#
# The jar is built inside the image build, so a clean clone needs only Docker: no JDK or ./mvnw run on the host.
# The build stage does not depend on SERVICE, so Docker builds the reactor once and all six images reuse that
# stage; the Maven repository lives in a BuildKit cache mount and survives between builds. The compose
# healthchecks use the curl that the eclipse-temurin base image ships.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /workspace
COPY . .
# tests run in CI (./mvnw verify), not in every image build; they are still compiled because the services
# depend on service-support's test-jar
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode --quiet package -DskipTests

# Boot's layered extraction: dependencies change rarely, the application often, so each gets its own image layer;
# an extracted jar also starts faster than the nested fat jar.
FROM eclipse-temurin:17-jre-noble AS extract
ARG SERVICE
WORKDIR /extract
# <module>/target/<module>.jar: every service's pom sets finalName to its artifactId
COPY --from=build /workspace/${SERVICE}/target/${SERVICE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre-noble
ARG SERVICE
LABEL org.opencontainers.image.title="${SERVICE}"
RUN useradd --system --uid 10001 --home-dir /app spring
WORKDIR /app
COPY --from=extract /extract/extracted/dependencies/ ./
COPY --from=extract /extract/extracted/spring-boot-loader/ ./
COPY --from=extract /extract/extracted/snapshot-dependencies/ ./
COPY --from=extract /extract/extracted/application/ ./
COPY deploy/docker/entrypoint.sh /entrypoint.sh
USER 10001
# heap sized from the container's memory limit; die (and get restarted) rather than limp on after an OOM
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["/entrypoint.sh"]
