# One image recipe for every Linli service and the gateway: docker build --build-arg SERVICE=org-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY platform platform
COPY devstack devstack
COPY gateway gateway
COPY org-service org-service
COPY grid-service grid-service
COPY property-service property-service
COPY issue-service issue-service
COPY points-service points-service
ARG SERVICE
RUN ./mvnw -q -B -DskipTests -pl ${SERVICE} -am package \
 && cp ${SERVICE}/target/linli-${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 linli && mkdir /data && chown linli /data
COPY --from=build /app.jar /app/app.jar
USER linli
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
