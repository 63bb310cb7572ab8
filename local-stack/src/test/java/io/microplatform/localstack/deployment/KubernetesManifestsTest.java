package io.microplatform.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.microplatform.localstack.Executables;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * k8s/ cannot be applied here (no cluster), so the base and overlays are checked statically: one Deployment and
 * Service per service on its `.env` port, probes on the health groups, resources and graceful termination, the
 * pod IP advertised to Eureka, spans exported over OTLP to a collector each overlay runs or documents, and only
 * environment variables the applications actually read. Where kubectl is installed it builds the overlays too.
 */
class KubernetesManifestsTest {

    private static final String BASE = "k8s/base";
    private static final String DEV = "k8s/overlays/dev";
    private static final String PRODUCTION = "k8s/overlays/production";
    private static final String SHARED_CONFIG = "platform-addresses";
    // Spring's graceful shutdown waits at most 30 s per phase (Boot's default; the business services use less)
    private static final int SPRING_SHUTDOWN_SECONDS = 30;
    private static final String TRACING = "k8s/components/tracing";
    private static final String OTLP_EXPORT_ENABLED = "OTLP_TRACING_EXPORT_ENABLED";
    private static final String OTLP_ENDPOINT = "OTLP_TRACING_ENDPOINT";
    private static final int OTLP_HTTP_PORT = 4318;
    // the Jaeger ports docker-compose.yml relies on too: OTLP gRPC and HTTP, the UI
    private static final Set<Integer> JAEGER_PORTS = Set.of(4317, OTLP_HTTP_PORT, 16686);
    private static final String CLUSTER_REQUIREMENTS = "## What the cluster must provide";
    // actuator's own port in every pod (MANAGEMENT_SERVER_PORT), outside the Services, kept in the cluster by a policy
    private static final int MANAGEMENT_PORT = 9000;
    private static final String NETWORK_POLICY = "platform-management-in-cluster";
    private static final String SIMULATED_THIRD_PARTIES = "simulated-third-parties";
    // the pod's name (downward API), which tells replicas on one port apart in Eureka
    private static final String INSTANCE_NAME = "INSTANCE_NAME";

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
    void servesActuatorOnItsOwnPortOutsideTheServiceAndTellsPrometheusSo() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> container = container(service);
            assertThat(Kustomization.env(container, service.name()).get("MANAGEMENT_SERVER_PORT"))
                    .as("%s env MANAGEMENT_SERVER_PORT", service)
                    .containsEntry("value", String.valueOf(MANAGEMENT_PORT));
            assertThat(Yamls.listAt(container, service.name(), "ports")).as("%s container ports", service)
                    .contains(Map.of("name", "http", "containerPort", service.port()),
                            Map.of("name", "management", "containerPort", MANAGEMENT_PORT));
            assertThat(servicePorts(base.required("Service", service.name())))
                    .as("%s Service: its own port only, not actuator's", service)
                    .containsOnlyKeys(service.port());
            assertThat(Yamls.mapAt(base.required("Deployment", service.name()), service.name(), "spec", "template",
                    "metadata", "annotations")).as("%s pod annotations", service)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void letsOnlyTheClusterReachActuatorsPortAndEveryoneTheServicesPorts() {
        Map<String, Object> policy = base.required("NetworkPolicy", NETWORK_POLICY);
        Map<String, Object> spec = Yamls.mapAt(policy, NETWORK_POLICY, "spec");
        assertThat((List<Object>) spec.get("policyTypes")).containsExactly("Ingress");
        Map<String, Object> selector = Yamls.map(Yamls.listAt(spec, NETWORK_POLICY, "podSelector", "matchExpressions")
                .get(0), "podSelector");
        assertThat(selector).containsEntry("key", "app.kubernetes.io/name").containsEntry("operator", "In");
        assertThat((List<Object>) selector.get("values")).containsExactlyInAnyOrderElementsOf(PlatformService.names());

        List<Map<String, Object>> rules = Yamls.listAt(spec, NETWORK_POLICY, "ingress").stream()
                .map(rule -> Yamls.map(rule, NETWORK_POLICY + " ingress rule")).toList();
        assertThat(rules).as("%s ingress rules", NETWORK_POLICY).hasSize(2);
        Map<String, Object> open = rules.stream().filter(rule -> rule.get("ports").toString().contains("http"))
                .findFirst().orElseThrow();
        Map<String, Object> management = rules.stream()
                .filter(rule -> rule.get("ports").toString().contains("management")).findFirst().orElseThrow();
        assertThat(open).as("the services' ports: from anywhere").doesNotContainKey("from");
        assertThat(open.get("ports").toString()).doesNotContain("management");
        assertThat(management.get("from").toString()).as("actuator's port: from inside the cluster only")
                .contains("podSelector={}", "namespaceSelector")
                .doesNotContain("ipBlock");
    }

    @Test
    void productionCallsRealThirdPartiesFromItsConfigurationAndHostsNoSimulatedOnes() {
        Kustomization production = Kustomization.load(PRODUCTION);
        Map<String, String> urls = production.generatorLiterals("configMapGenerator", "third-parties");
        Map<String, String> expected = Map.of("payment-service", "PAYMENT_PROVIDER_URL", "shipping-service",
                "CARRIER_URL");
        expected.forEach((service, variable) -> {
            assertThat(URI.create(urls.get(variable)).getScheme()).as("%s %s", service, variable).isEqualTo("https");
            Map<String, Object> container = production.patchFiles().stream()
                    .flatMap(patch -> Repository.yamlDocuments(PRODUCTION + "/" + patch).stream())
                    .filter(object -> service.equals(Yamls.mapAt(object, "patch", "metadata").get("name")))
                    .map(object -> Kustomization.container(object, service))
                    .findFirst().orElseThrow(() -> new AssertionError(PRODUCTION + " does not patch " + service));
            assertThat(Yamls.mapAt(Kustomization.env(container, service).get(variable), service, "valueFrom",
                    "configMapKeyRef")).as("%s %s", service, variable)
                    .containsEntry("name", "third-parties").containsEntry("key", variable);
            assertThat(ApplicationConfig.of(new PlatformService(service)).readsPlaceholder(variable))
                    .as("%s reads %s", service, variable).isTrue();
        });
        KustomizeBuild built = KustomizeBuild.of(PRODUCTION);
        for (PlatformService service : PlatformService.ALL) {
            assertThat(built.environment(service.name())).as("%s production environment", service)
                    .doesNotContainKey("SPRING_PROFILES_ACTIVE")
                    .doesNotContainEntry("PLATFORM_FAULTS_ENABLED", "true")
                    .doesNotContainKey("PLATFORM_FAULTS_TOKEN");
        }
        assertThat(built.configMap(SHARED_CONFIG)).containsEntry("PLATFORM_FAULTS_ENABLED", "false");
    }

    @Test
    void devRunsPaymentAndShippingWithTheSimulatedThirdParties() {
        Kustomization dev = Kustomization.load(DEV);
        for (String service : List.of("payment-service", "shipping-service")) {
            Map<String, Object> container = dev.patchFiles().stream()
                    .flatMap(patch -> Repository.yamlDocuments(DEV + "/" + patch).stream())
                    .filter(object -> service.equals(Yamls.mapAt(object, "patch", "metadata").get("name")))
                    .map(object -> Kustomization.container(object, service))
                    .findFirst().orElseThrow(() -> new AssertionError(DEV + " does not patch " + service));
            assertThat(Kustomization.env(container, service).get("SPRING_PROFILES_ACTIVE")).as(service)
                    .containsEntry("value", SIMULATED_THIRD_PARTIES);
            assertThat(ApplicationConfig.hasProfiles(new PlatformService(service), SIMULATED_THIRD_PARTIES)).isTrue();
        }
    }

    /** Passwords and tokens come from Secrets only: never a value in a manifest or a ConfigMap. */
    @Test
    void takesEverySecretFromASecret() {
        for (String overlay : List.of(DEV, PRODUCTION)) {
            KustomizeBuild built = KustomizeBuild.of(overlay);
            built.configMaps().forEach((name, literals) -> assertThat(literals.keySet())
                    .as("%s ConfigMap %s", overlay, name).noneMatch(KubernetesManifestsTest::isSecretName));
            for (Map<String, Object> deployment : built.objects()) {
                if (!"Deployment".equals(deployment.get("kind"))) {
                    continue;
                }
                String name = String.valueOf(Yamls.mapAt(deployment, "Deployment", "metadata").get("name"));
                Kustomization.env(Kustomization.container(deployment, name), name).forEach((variable, source) -> {
                    if (isSecretName(variable)) {
                        assertThat(source).as("%s %s %s", overlay, name, variable).doesNotContainKey("value");
                        assertThat(Yamls.at(source, name, "valueFrom", "secretKeyRef"))
                                .as("%s %s %s from a Secret", overlay, name, variable).isNotNull();
                    }
                });
            }
        }
    }

    private static boolean isSecretName(String variable) {
        return variable.contains("PASSWORD") || variable.contains("TOKEN") || variable.contains("SECRET");
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

    /**
     * Replicas of a Deployment share its port, so with name:port as their Eureka instance id they would overwrite each
     * other in the registry and only one would get traffic: every pod passes its name, and every service puts it in
     * its instance id (ReplicasOnOnePortIT in registry-service registers two such replicas with the real registry).
     */
    @Test
    void namesEachReplicaInEurekaAfterItsPod() {
        for (PlatformService service : PlatformService.ALL) {
            Map<String, Object> variable = Kustomization.env(container(service), service.name()).get(INSTANCE_NAME);
            assertThat(variable).as("%s env %s", service, INSTANCE_NAME).isNotNull();
            assertThat(Yamls.stringAt(variable, service.name(), "valueFrom", "fieldRef", "fieldPath"))
                    .as("%s %s source", service, INSTANCE_NAME).isEqualTo("metadata.name");

            // the shared defaults of a business service, the registry's own application.yml
            List<String> files = ApplicationConfig.of(service).files();
            String file = files.get(files.size() - 1);
            assertThat(Yamls.stringAt(Repository.yamlDocuments(file).get(0), file, "eureka", "instance", "instance-id"))
                    .as("%s eureka.instance.instance-id in %s", service, file)
                    .isEqualTo("${spring.application.name}:${" + INSTANCE_NAME + ":${server.port}}");
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
        // what any overlay puts into the shared ConfigMap: the base's addresses, the components' and its own merges
        Set<String> shared = new TreeSet<>();
        for (String overlay : List.of(DEV, PRODUCTION)) {
            shared.addAll(KustomizeBuild.of(overlay).configMap(SHARED_CONFIG).keySet());
        }
        for (PlatformService service : PlatformService.ALL) {
            ApplicationConfig config = ApplicationConfig.of(service);
            List<String> variables = new ArrayList<>(Kustomization.env(container(service), service.name()).keySet());
            if (container(service).containsKey("envFrom")) {
                variables.addAll(shared);
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

    @Test
    void devOverlayRunsJaegerWithComposesImageBehindAService() {
        KustomizeBuild dev = KustomizeBuild.of(DEV);
        Map<String, Object> deployment = dev.required("Deployment", "jaeger");
        Map<String, Object> container = Kustomization.container(deployment, "jaeger");
        assertThat(container.get("image")).as("jaeger image of %s and %s", TRACING, DockerCompose.FILE)
                .isEqualTo(DockerCompose.load().service("jaeger").get("image"));
        assertThat(Yamls.mapAt(container, "jaeger", "readinessProbe", "httpGet")).as("jaeger readiness")
                .containsKeys("path", "port");
        for (String bound : List.of("requests", "limits")) {
            assertThat(Yamls.mapAt(container, "jaeger", "resources", bound))
                    .as("jaeger resources.%s", bound).containsKeys("cpu", "memory");
        }

        Map<String, Object> service = dev.required("Service", "jaeger");
        assertThat(Yamls.mapAt(service, "jaeger", "spec", "selector"))
                .as("Service jaeger selects the Deployment's pods")
                .isEqualTo(Yamls.mapAt(deployment, "jaeger", "spec", "template", "metadata", "labels"));
        Set<Object> containerPorts = Yamls.listAt(container, "jaeger", "ports").stream()
                .map(port -> Yamls.map(port, "jaeger port").get("containerPort"))
                .collect(Collectors.toSet());
        Map<Object, Object> targetPorts = servicePorts(service);
        assertThat(targetPorts.keySet()).as("Service jaeger ports").containsAll(JAEGER_PORTS);
        assertThat(containerPorts).as("jaeger container ports the Service forwards to")
                .containsAll(targetPorts.values());
    }

    @Test
    void devServicesExportSpansToTheJaegerTheOverlayRuns() {
        KustomizeBuild dev = KustomizeBuild.of(DEV);
        for (PlatformService service : PlatformService.business()) {
            URI endpoint = otlpHttpEndpoint(dev, service);
            assertThat(endpoint.getHost()).as("%s %s host", service, OTLP_ENDPOINT).isEqualTo("jaeger");
            assertThat(servicePorts(dev.required("Service", endpoint.getHost())))
                    .as("Service %s in %s", endpoint.getHost(), DEV).containsKey(endpoint.getPort());
        }
    }

    @Test
    void productionServicesExportSpansToTheCollectorTheClusterMustProvide() {
        KustomizeBuild production = KustomizeBuild.of(PRODUCTION);
        String readme = Repository.read("k8s/README.md");
        assertThat(readme).contains(CLUSTER_REQUIREMENTS);
        String requirements = readme.substring(readme.indexOf(CLUSTER_REQUIREMENTS)).split("\n## ", 2)[0];
        for (PlatformService service : PlatformService.business()) {
            URI endpoint = otlpHttpEndpoint(production, service);
            assertThat(endpoint.getHost()).as("%s %s host", service, OTLP_ENDPOINT).isEqualTo("otel-collector");
            assertThat(production.object("Service", endpoint.getHost()))
                    .as("%s runs no collector of its own: the cluster provides it", PRODUCTION).isEmpty();
            assertThat(requirements).as("k8s/README.md, " + CLUSTER_REQUIREMENTS)
                    .contains("Service `" + endpoint.getHost() + "` on port " + endpoint.getPort());
            // a share of the orders, each whole (docs/tracing.md), where dev traces every one
            assertThat(Double.parseDouble(production.environment(service.name())
                    .getOrDefault("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0")))
                    .as("%s sampling probability", service).isGreaterThan(0.0).isLessThan(1.0);
            assertThat(KustomizeBuild.of(DEV).environment(service.name()))
                    .doesNotContainKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
        }
    }

    @Test
    void kubectlBuildsTheOverlaysAsTheseTestsReadThem() throws Exception {
        Path kubectl = Executables.onPath("kubectl").orElse(null);
        assumeThat(kubectl).as("kubectl on PATH").isNotNull();
        for (String overlay : List.of(DEV, PRODUCTION)) {
            List<Map<String, Object>> built = kubectlKustomize(kubectl, overlay);
            KustomizeBuild read = KustomizeBuild.of(overlay);
            for (String kind : List.of("Deployment", "Service")) {
                assertThat(names(built, kind)).as("%s %ss built by kubectl", overlay, kind)
                        .isEqualTo(names(read.objects(), kind));
            }
            // kubectl appends a content hash to a generated name: platform-addresses-<hash>
            List<Map<String, Object>> shared = built.stream()
                    .filter(object -> "ConfigMap".equals(object.get("kind")))
                    .filter(object -> String.valueOf(Yamls.mapAt(object, "ConfigMap", "metadata").get("name"))
                            .startsWith(SHARED_CONFIG + "-"))
                    .toList();
            assertThat(shared).as("%s ConfigMaps %s-<hash>", overlay, SHARED_CONFIG).hasSize(1);
            Map<String, String> data = new LinkedHashMap<>();
            Yamls.mapAt(shared.get(0), SHARED_CONFIG, "data")
                    .forEach((key, value) -> data.put(key, String.valueOf(value)));
            assertThat(data).as("%s %s built by kubectl", overlay, SHARED_CONFIG)
                    .isEqualTo(read.configMap(SHARED_CONFIG));
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

    private static URI otlpHttpEndpoint(KustomizeBuild build, PlatformService service) {
        Map<String, String> environment = build.environment(service.name());
        assertThat(environment).as("%s %s environment", build.folder(), service)
                .containsEntry(OTLP_EXPORT_ENABLED, "true")
                .containsKey(OTLP_ENDPOINT);
        URI endpoint = URI.create(environment.get(OTLP_ENDPOINT));
        assertThat(endpoint.getScheme()).as("%s %s scheme", service, OTLP_ENDPOINT).isEqualTo("http");
        assertThat(endpoint.getPort()).as("%s %s port (OTLP over HTTP)", service, OTLP_ENDPOINT)
                .isEqualTo(OTLP_HTTP_PORT);
        assertThat(endpoint.getPath()).as("%s %s path", service, OTLP_ENDPOINT).isEqualTo("/v1/traces");
        return endpoint;
    }

    /** port -> targetPort of a Service. */
    private static Map<Object, Object> servicePorts(Map<String, Object> service) {
        Map<Object, Object> ports = new LinkedHashMap<>();
        for (Object entry : Yamls.listAt(service, "Service", "spec", "ports")) {
            Map<String, Object> port = Yamls.map(entry, "Service port");
            ports.put(port.get("port"), port.getOrDefault("targetPort", port.get("port")));
        }
        return ports;
    }

    private static Set<String> names(List<Map<String, Object>> objects, String kind) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .map(object -> String.valueOf(Yamls.mapAt(object, kind, "metadata").get("name")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Map<String, Object>> kubectlKustomize(Path kubectl, String overlay) throws Exception {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay)
                .directory(Repository.ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize %s finished", overlay).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s exit code (its error is in the test output)",
                overlay).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(output)) {
            if (document != null) {
                objects.add(Yamls.map(document, "kubectl kustomize " + overlay));
            }
        }
        return objects;
    }

    private static void assertProbe(Map<String, Object> container, PlatformService service, String probe,
                                    String path) {
        Map<String, Object> httpGet = Yamls.mapAt(container, service.name(), probe, "httpGet");
        assertThat(httpGet).as("%s %s", service, probe)
                .containsEntry("path", path)
                .containsEntry("port", MANAGEMENT_PORT);
    }
}
