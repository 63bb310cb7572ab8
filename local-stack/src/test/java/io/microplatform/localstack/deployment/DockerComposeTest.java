package io.microplatform.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started here (no Docker), so what would break it at `up` time is checked statically:
 * the service list, ports against `.env`, environment variables against what the applications read, health checks
 * and start order.
 */
class DockerComposeTest {

    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka");
    // docs/observability.md and docs/tracing.md; prometheus' and grafana's files are checked by ObservabilityFilesTest
    private static final List<String> OBSERVABILITY = List.of("prometheus", "grafana", "jaeger");
    private static final String INIT_SQL = "deploy/postgres/init-databases.sql";
    private static final String SPRING_PROFILES_ACTIVE = "SPRING_PROFILES_ACTIVE";
    private static final String SIMULATED_THIRD_PARTIES = "simulated-third-parties";
    private static final List<String> HOSTS_SIMULATED_THIRD_PARTY = List.of("payment-service", "shipping-service");

    private static final String DEMO_FILE = "docker-compose.demo.yml";

    private final DockerCompose compose = DockerCompose.load();

    @Test
    void runsInfrastructureTheSixServicesAndObservability() {
        List<String> expected = new ArrayList<>(INFRASTRUCTURE);
        expected.addAll(PlatformService.names());
        expected.addAll(OBSERVABILITY);

        assertThat(compose.services().keySet()).as("services in " + DockerCompose.FILE)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void publishesEachServiceOnItsPortFromDotEnv() {
        for (PlatformService service : PlatformService.ALL) {
            String variable = "${" + service.portVariable() + "}";
            assertThat(compose.ports(service.name())).as("%s ports", service).singleElement().satisfies(port -> {
                assertThat(port.published()).as("%s published port uses %s", service, variable).isEqualTo(variable);
                assertThat(port.target()).as("%s container port uses %s", service, variable).isEqualTo(variable);
                assertThat(DockerCompose.resolve(port.published())).as("%s port resolved from .env", service)
                        .isEqualTo(String.valueOf(service.port()));
            });
            // the container must listen where it is published: the application reads its port from this variable
            assertThat(compose.environment(service.name())).as("%s environment", service)
                    .containsEntry(service.portVariable(), variable);
        }
    }

    @Test
    void passesOnlyEnvironmentVariablesTheServicesRead() {
        List<String> unread = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            ApplicationConfig config = ApplicationConfig.of(service);
            for (Map.Entry<String, String> entry : compose.environment(service.name()).entrySet()) {
                String variable = entry.getKey();
                if (variable.equals(SPRING_PROFILES_ACTIVE)) {
                    assertThat(ApplicationConfig.hasProfiles(service, entry.getValue()))
                            .as("%s has an application-<profile>.yml for each of %s", service, entry.getValue())
                            .isTrue();
                } else if (!config.readsPlaceholder(variable)) {
                    unread.add(service + ": " + variable + " (no ${" + variable + "...} in " + config.files() + ")");
                }
            }
        }
        assertThat(unread).as("environment variables compose passes but no application reads").isEmpty();
    }

    @Test
    void pointsServicesAtContainerAddresses() {
        String registryUrl = "http://registry-service:${REGISTRY_SERVICE_PORT}/eureka/";
        for (PlatformService service : PlatformService.ALL) {
            Map<String, String> environment = compose.environment(service.name());
            assertThat(environment).as("%s environment", service)
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0")
                    // the registry's own URL doubles as its my-url: it must match the others' byte for byte
                    .containsEntry("EUREKA_URL", registryUrl)
                    // set per container by the image's entrypoint; a fixed value here would be wrong for all but one
                    .doesNotContainKey("EUREKA_INSTANCE_IP");
        }
        for (PlatformService service : PlatformService.business()) {
            assertThat(compose.environment(service.name())).as("%s environment", service)
                    .containsEntry("DB_HOST", "postgres")
                    .containsEntry("DB_PORT", "5432")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void givesEachBusinessServiceItsOwnDatabaseCreatedAtInit() {
        String initSql = Repository.read(INIT_SQL);
        assertThat(compose.service("postgres").get("volumes").toString()).as("postgres volumes")
                .contains("./" + INIT_SQL + ":/docker-entrypoint-initdb.d/");
        for (PlatformService service : PlatformService.business()) {
            String database = service.database();
            assertThat(compose.environment(service.name())).as("%s database settings", service)
                    .containsEntry("DB_NAME", database)
                    .containsEntry("DB_USERNAME", database)
                    .containsEntry("DB_PASSWORD", database);
            assertThat(initSql).as(INIT_SQL)
                    .contains("CREATE USER " + database + " WITH PASSWORD '" + database + "';")
                    .contains("CREATE DATABASE " + database + " OWNER " + database + ";")
                    // no other service's user may connect to it (PostgreSQL grants CONNECT to PUBLIC by default)
                    .contains("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC;");
        }
    }

    @Test
    void checksReadinessOfEveryServiceOnItsOwnPort() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> healthcheck = Yamls.mapAt(compose.service(service.name()), service.name(),
                    "healthcheck");
            assertThat(healthcheck.get("test").toString()).as("%s healthcheck", service)
                    .contains("http://127.0.0.1:${" + service.portVariable() + "}/actuator/health/readiness");
        }
        for (String infrastructure : INFRASTRUCTURE) {
            assertThat(compose.service(infrastructure)).as("%s healthcheck", infrastructure)
                    .containsKey("healthcheck");
        }
    }

    @Test
    void startsBusinessServicesOnlyWhenInfrastructureAndRegistryAreHealthy() {
        for (PlatformService service : PlatformService.business()) {
            Map<String, Object> dependsOn = Yamls.mapAt(compose.service(service.name()), service.name(),
                    "depends_on");
            assertThat(dependsOn).as("%s depends_on", service)
                    .containsOnlyKeys("postgres", "kafka", "registry-service");
            dependsOn.forEach((dependency, condition) -> assertThat(Yamls.map(condition, dependency))
                    .as("%s depends on %s", service, dependency)
                    .containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    void buildsEveryServiceFromTheDockerfileWithItsModuleName() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> build = Yamls.mapAt(compose.service(service.name()), service.name(), "build");
            assertThat(build).as("%s build", service)
                    .containsEntry("context", ".")
                    .containsEntry("dockerfile", "Dockerfile");
            assertThat(Yamls.mapAt(build, service.name(), "args")).as("%s build args", service)
                    .containsEntry("SERVICE", service.name());
        }
    }

    /** The compose stack has no real payment provider or carrier: the two services host the simulated ones. */
    @Test
    void runsPaymentAndShippingWithTheSimulatedThirdPartiesAndNoOtherServiceWithAProfile() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, String> environment = compose.environment(service.name());
            if (HOSTS_SIMULATED_THIRD_PARTY.contains(service.name())) {
                assertThat(environment).as("%s environment", service)
                        .containsEntry(SPRING_PROFILES_ACTIVE, SIMULATED_THIRD_PARTIES);
            } else {
                assertThat(environment).as("%s environment", service).doesNotContainKey(SPRING_PROFILES_ACTIVE);
            }
        }
    }

    /** Fault injection and the extra endpoints only with the demo file on top (docs/fault-injection.md). */
    @Test
    void leavesFaultInjectionAndExtraEndpointsToTheDemoFile() {
        for (PlatformService service : PlatformService.ALL) {
            assertThat(compose.environment(service.name())).as("%s environment in %s", service, DockerCompose.FILE)
                    .doesNotContainKeys("PLATFORM_FAULTS_ENABLED", "PLATFORM_FAULTS_TOKEN",
                            "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS");
        }
        DockerCompose demo = DockerCompose.load(DEMO_FILE);
        assertThat(demo.services().keySet()).as("services %s changes", DEMO_FILE)
                .containsExactlyInAnyOrderElementsOf(PlatformService.business().stream().map(PlatformService::name)
                        .toList());
        for (PlatformService service : PlatformService.business()) {
            Map<String, String> environment = demo.environment(service.name());
            ApplicationConfig config = ApplicationConfig.of(service);
            assertThat(environment).as("%s environment in %s", service, DEMO_FILE)
                    .containsEntry("PLATFORM_FAULTS_ENABLED", "true")
                    .containsKey("PLATFORM_FAULTS_TOKEN");
            assertThat(environment.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE").split(","))
                    .as("%s endpoints in %s", service, DEMO_FILE).contains("health", "info", "prometheus", "faults");
            environment.keySet().forEach(variable -> assertThat(config.bindsFromEnvironment(variable))
                    .as("%s reads %s", service, variable).isTrue());
        }
    }

    @Test
    void resolvesEveryVariableFromDotEnv() {
        Matcher variable = Pattern.compile("\\$\\{([A-Za-z0-9_]+)").matcher(Repository.read(DockerCompose.FILE));
        List<String> undefined = new ArrayList<>();
        while (variable.find()) {
            if (!Repository.dotEnv().containsKey(variable.group(1))) {
                undefined.add(variable.group(1));
            }
        }
        assertThat(undefined).as("variables %s uses that .env does not define", DockerCompose.FILE).isEmpty();
    }
}
