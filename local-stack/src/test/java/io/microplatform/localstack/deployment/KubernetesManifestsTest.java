package io.microplatform.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * k8s/ cannot be applied here (no cluster), so the base and overlays are checked statically: one Deployment and
 * Service per service on its `.env` port, probes on the health groups, resources and graceful termination, the
 * pod IP advertised to Eureka, and only environment variables the applications actually read.
 */
class KubernetesManifestsTest {

    private static final String BASE = "k8s/base";
    private static final String DEV = "k8s/overlays/dev";
    private static final String PRODUCTION = "k8s/overlays/production";
    private static final String SHARED_CONFIG = "platform-addresses";
    // Spring's graceful shutdown waits at most 30 s per phase (Boot's default; the business services use less)
    private static final int SPRING_SHUTDOWN_SECONDS = 30;

    private final Kustomization base = Kustomization.load(BASE);

    @Test
    void hasDeploymentAndServiceForEachServiceOnItsDotEnvPort() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> container = container(service);
            Map<String, Object> port = Yamls.map(Yamls.listAt(container, service.name(), "ports").get(0),
                    service + " port");
            assertThat(port.get("containerPort")).as("%s containerPort (.env %s)", service, service.portVariable())
                    .isEqualTo(service.port());
            assertThat(Kustomization.env(container, service.name()).get(service.portVariable()))
                    .as("%s env %s", service, service.portVariable())
                    .containsEntry("value", String.valueOf(service.port()));

            Map<String, Object> k8sService = base.required("Service", service.name());
            Map<String, Object> servicePort = Yamls.map(Yamls.listAt(k8sService, service.name(), "spec", "ports")
                    .get(0), service + " Service port");
            assertThat(servicePort).as("%s Service port", service)
                    .containsEntry("port", service.port())
                    .containsEntry("targetPort", service.port());
            assertThat(Yamls.mapAt(k8sService, service.name(), "spec", "selector"))
                    .as("%s Service selects the Deployment's pods", service)
                    .isEqualTo(Yamls.mapAt(base.required("Deployment", service.name()), service.name(),
                            "spec", "template", "metadata", "labels"));
        }
    }

    @Test
    void probesLivenessAndReadinessHealthGroups() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> container = container(service);
            assertProbe(container, service, "livenessProbe", "/actuator/health/liveness");
            assertProbe(container, service, "readinessProbe", "/actuator/health/readiness");
        }
    }

    @Test
    void limitsResourcesAndTerminatesGracefully() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> container = container(service);
            for (String bound : List.of("requests", "limits")) {
                assertThat(Yamls.mapAt(container, service.name(), "resources", bound))
                        .as("%s resources.%s", service, bound).containsKeys("cpu", "memory");
            }
            Map<String, Object> podSpec = Yamls.mapAt(base.required("Deployment", service.name()), service.name(),
                    "spec", "template", "spec");
            assertThat((Integer) podSpec.get("terminationGracePeriodSeconds"))
                    .as("%s terminationGracePeriodSeconds must outlast Spring's graceful shutdown", service)
                    .isGreaterThan(SPRING_SHUTDOWN_SECONDS);
            assertThat(Yamls.at(container, service.name(), "lifecycle", "preStop"))
                    .as("%s preStop pause", service).isNotNull();
        }
    }

    @Test
    void advertisesThePodIpToEureka() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> variable = Kustomization.env(container(service), service.name())
                    .get("EUREKA_INSTANCE_IP");
            assertThat(variable).as("%s env EUREKA_INSTANCE_IP", service).isNotNull();
            assertThat(Yamls.stringAt(variable, service.name(), "valueFrom", "fieldRef", "fieldPath"))
                    .as("%s EUREKA_INSTANCE_IP source", service).isEqualTo("status.podIP");
        }
    }

    @Test
    void sharesAddressesOfRegistryAndInfrastructure() {
        Map<String, String> shared = base.generatorLiterals("configMapGenerator", SHARED_CONFIG);
        assertThat(shared)
                .containsEntry("EUREKA_URL", "http://registry-service:" + Repository.port("REGISTRY_SERVICE_PORT")
                        + "/eureka/")
                .containsEntry("DB_HOST", "postgres")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("SERVER_ADDRESS", "0.0.0.0");
        for (PlatformService service : PlatformService.business()) {
            assertThat(container(service).get("envFrom").toString()).as("%s envFrom", service)
                    .contains("name=" + SHARED_CONFIG);
        }
    }

    @Test
    void passesOnlyEnvironmentVariablesTheServicesRead() {
        List<String> unread = new ArrayList<>();
        Map<String, String> shared = base.generatorLiterals("configMapGenerator", SHARED_CONFIG);
        Map<String, String> productionShared = Kustomization.load(PRODUCTION)
                .generatorLiterals("configMapGenerator", SHARED_CONFIG);
        for (PlatformService service : PlatformService.ALL) {
            ApplicationConfig config = ApplicationConfig.of(service);
            List<String> variables = new ArrayList<>(Kustomization.env(container(service), service.name()).keySet());
            if (container(service).containsKey("envFrom")) {
                variables.addAll(shared.keySet());
                variables.addAll(productionShared.keySet());
            }
            variables.stream().filter(variable -> !config.bindsFromEnvironment(variable))
                    .forEach(variable -> unread.add(service + ": " + variable + " (neither a placeholder nor a key in "
                            + config.files() + ")"));
        }
        Map<String, Object> registryPatch = registryProductionPatch();
        ApplicationConfig registry = ApplicationConfig.of(PlatformService.REGISTRY);
        Kustomization.env(Kustomization.container(registryPatch, "registry-service"), PRODUCTION).keySet().stream()
                .filter(variable -> !registry.bindsFromEnvironment(variable))
                .forEach(variable -> unread.add(PRODUCTION + " registry-service: " + variable));

        assertThat(unread).as("environment variables k8s passes but no application reads (a typo does nothing)")
                .isEmpty();
    }

    @Test
    void productionRestoresEurekaDefaults() {
        Map<String, Map<String, Object>> env = Kustomization.env(
                Kustomization.container(registryProductionPatch(), "registry-service"), PRODUCTION);
        Map<String, String> defaults = Map.of(
                "EUREKA_SERVER_ENABLESELFPRESERVATION", "true",
                "EUREKA_SERVER_RENEWALPERCENTTHRESHOLD", "0.85",
                "EUREKA_SERVER_EVICTIONINTERVALTIMERINMS", "60000",
                "EUREKA_SERVER_USEREADONLYRESPONSECACHE", "true",
                "EUREKA_SERVER_RESPONSECACHEUPDATEINTERVALMS", "30000");
        defaults.forEach((variable, value) -> assertThat(env.get(variable))
                .as("production registry env %s", variable).isNotNull().containsEntry("value", value));

        assertThat(Kustomization.load(PRODUCTION).generatorLiterals("configMapGenerator", SHARED_CONFIG))
                .as("production client leases")
                .containsEntry("EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS", "30")
                .containsEntry("EUREKA_INSTANCE_LEASEEXPIRATIONDURATIONINSECONDS", "90");
    }

    @Test
    void devOverlayProvidesEachDatabasePassword() {
        Kustomization dev = Kustomization.load(DEV);
        for (PlatformService service : PlatformService.business()) {
            Map<String, Object> passwordSource = Kustomization.env(container(service), service.name())
                    .get("DB_PASSWORD");
            assertThat(Yamls.stringAt(passwordSource, service.name(), "valueFrom", "secretKeyRef", "name"))
                    .isEqualTo(service.name() + "-db");
            assertThat(dev.generatorLiterals("secretGenerator", service.name() + "-db"))
                    .as("%s dev secret", service).containsEntry("password", service.database());
        }
    }

    @Test
    void overlaysBuildOnTheBaseAndTheirFilesExist() {
        for (String overlay : List.of(DEV, PRODUCTION)) {
            Kustomization kustomization = Kustomization.load(overlay);
            assertThat(kustomization.resources()).as("%s resources", overlay).contains("../../base");
            for (String patch : kustomization.patchFiles()) {
                assertThat(Files.isRegularFile(Repository.ROOT.resolve(overlay).resolve(patch)))
                        .as("%s patch %s exists", overlay, patch).isTrue();
            }
        }
    }

    private Map<String, Object> container(PlatformService service) {
        return Kustomization.container(base.required("Deployment", service.name()), service.name());
    }

    private static Map<String, Object> registryProductionPatch() {
        Kustomization production = Kustomization.load(PRODUCTION);
        assertThat(production.patchFiles()).as(PRODUCTION + " patches").isNotEmpty();
        return production.patchFiles().stream()
                .flatMap(patch -> Repository.yamlDocuments(PRODUCTION + "/" + patch).stream())
                .filter(object -> "Deployment".equals(object.get("kind")))
                .filter(object -> "registry-service".equals(Yamls.mapAt(object, "patch", "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(PRODUCTION + " has no patch of Deployment registry-service"));
    }

    private static void assertProbe(Map<String, Object> container, PlatformService service, String probe,
                                    String path) {
        Map<String, Object> httpGet = Yamls.mapAt(container, service.name(), probe, "httpGet");
        assertThat(httpGet).as("%s %s", service, probe)
                .containsEntry("path", path)
                .containsEntry("port", service.port());
    }
}
