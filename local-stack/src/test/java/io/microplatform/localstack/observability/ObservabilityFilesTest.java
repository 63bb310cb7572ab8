package io.microplatform.localstack.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microplatform.localstack.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The observability folder checked without Prometheus or Grafana: every dashboard and alert query parses and names
 * its metrics, alerts.yml has the shape `promtool check rules` wants, the provisioning files point at each other,
 * and k8s carries byte-identical copies. Whether each query selects data is PlatformIT's job (against a running
 * stack). Where promtool is installed it checks the rules and the config too, and runs the alerts' unit tests.
 */
class ObservabilityFilesTest {

    static final Path REPOSITORY = repositoryRoot();
    static final String K8S_COPIES = "k8s/components/observability/files";

    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "rules", "limit", "query_offset", "labels");
    private static final Set<String> RULE_KEYS = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels",
            "annotations");
    private static final String DURATION = "(\\d+(ms|[smhdwy]))+";

    @Test
    void everyDashboardPanelAlertAndVariableQueryParsesAndSelectsAMetric() {
        List<ObservabilityQueries.Query> queries = ObservabilityQueries.all(REPOSITORY);
        List<String> problems = new ArrayList<>();
        for (ObservabilityQueries.Query query : queries) {
            try {
                if (query.selectors().isEmpty()) {
                    problems.add(query.where() + ": selects no metric: " + query.expression());
                }
            } catch (RuntimeException e) {
                problems.add(query.where() + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("queries that would not parse or select nothing").isEmpty();
        assertThat(queries).as("queries found").hasSizeGreaterThan(60);
    }

    @Test
    void dashboardsAreProvisionableWithUniqueIdsAndThePrometheusDatasource() {
        String datasourceUid = String.valueOf(((Map<?, ?>) ((List<?>) yaml(
                ObservabilityQueries.FOLDER + "/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0)).get("uid"));
        Set<String> uids = new HashSet<>();
        List<Path> dashboards = ObservabilityQueries.dashboards(REPOSITORY);
        assertThat(dashboards).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "platform-overview.json", "resilience.json", "saga.json", "messaging.json", "jvm-and-database.json");
        for (Path file : dashboards) {
            JsonNode dashboard = ObservabilityQueries.readJson(file);
            String name = file.getFileName().toString();
            assertThat(uids.add(dashboard.path("uid").asText())).as("%s uid unique", name).isTrue();
            assertThat(dashboard.path("title").asText()).as("%s title", name).isNotBlank();
            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode panel : ObservabilityQueries.panels(dashboard.path("panels"))) {
                String title = name + " / " + panel.path("title").asText();
                assertThat(panelIds.add(panel.path("id").asInt())).as("%s panel id unique", title).isTrue();
                assertThat(panel.path("gridPos").path("w").asInt()).as("%s width", title).isBetween(1, 24);
                if (!"row".equals(panel.path("type").asText())) {
                    assertThat(panel.path("targets").size()).as("%s targets", title).isPositive();
                    assertThat(panel.path("datasource").path("uid").asText()).as("%s datasource", title)
                            .isEqualTo(datasourceUid);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertRulesHaveTheShapePromtoolChecks() {
        Map<String, Object> file = yaml(ObservabilityQueries.ALERTS);
        assertThat(file).containsOnlyKeys("groups");
        Set<String> groupNames = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (Object groupNode : (List<?>) file.get("groups")) {
            Map<?, ?> group = (Map<?, ?>) groupNode;
            assertThat(GROUP_KEYS).as("group keys").containsAll(stringKeys(group));
            assertThat(groupNames.add(String.valueOf(group.get("name")))).as("group name unique").isTrue();
            for (Object ruleNode : (List<?>) group.get("rules")) {
                Map<?, ?> rule = (Map<?, ?>) ruleNode;
                String name = String.valueOf(rule.get("alert"));
                assertThat(RULE_KEYS).as("%s keys", name).containsAll(stringKeys(rule));
                assertThat(rule.containsKey("alert")).as("%s: only alerting rules here", rule).isTrue();
                assertThat(name).as("alert name").matches("[a-zA-Z_][a-zA-Z0-9_]*");
                assertThat(alerts.add(name)).as("%s unique", name).isTrue();
                assertThat(String.valueOf(rule.get("expr"))).as("%s expr", name).isNotBlank();
                if (rule.containsKey("for")) {
                    assertThat(String.valueOf(rule.get("for"))).as("%s for", name).matches(DURATION);
                }
                Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
                assertThat(labels).as("%s labels", name).isNotNull();
                assertThat(String.valueOf(labels.get("severity"))).as("%s severity", name).isIn("warning", "critical");
                labels.keySet().forEach(label -> assertThat(String.valueOf(label)).matches("[a-zA-Z_][a-zA-Z0-9_]*"));
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                assertThat(annotations).as("%s annotations", name).containsKeys("summary", "description");
                annotations.values().forEach(text -> assertThat(text).as("%s annotation text", name).isInstanceOf(String.class));
            }
        }
        assertThat(alerts).as("what issue 5 asks for").contains("CircuitBreakerOpen", "SagaPastDeadline", "DeadLetter",
                "OutboxStuck", "InstanceMissingFromEureka");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryEurekaInstanceOfTheRegistryOnItsDotEnvPort() {
        Map<String, Object> config = yaml(ObservabilityQueries.FOLDER + "/prometheus/prometheus.yml");
        assertThat(config.get("global").toString()).contains("scrape_interval=5s");
        assertThat((List<Object>) config.get("rule_files")).containsExactly("alerts.yml");
        Map<?, ?> job = (Map<?, ?>) ((List<?>) config.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(job.get("honor_labels")).as("keep the services' application and instance tags").isEqualTo(true);
        assertThat(job.get("eureka_sd_configs").toString())
                .contains("server=http://registry-service:" + dotEnv("REGISTRY_SERVICE_PORT") + "/eureka");
        assertThat(job.get("relabel_configs").toString())
                .contains("__meta_eureka_app_name").contains("target_label=app")
                .contains("__meta_eureka_app_instance_id").contains("target_label=instance");
    }

    @Test
    void grafanaLoadsDashboardsFromTheFolderComposeMounts() throws IOException {
        Map<String, Object> providers = yaml(ObservabilityQueries.FOLDER + "/grafana/provisioning/dashboards/dashboards.yml");
        String path = String.valueOf(((Map<?, ?>) ((Map<?, ?>) ((List<?>) providers.get("providers")).get(0))
                .get("options")).get("path"));
        assertThat(Files.readString(REPOSITORY.resolve("docker-compose.yml")))
                .contains("./" + ObservabilityQueries.DASHBOARDS + ":" + path + ":ro");
    }

    /** kustomize reads only files under its own folder: k8s keeps copies, which must not drift. */
    @Test
    void kubernetesCopiesAreByteIdentical() throws IOException {
        List<String> files;
        try (Stream<Path> all = Files.walk(REPOSITORY.resolve(ObservabilityQueries.FOLDER))) {
            files = all.filter(Files::isRegularFile).map(file -> REPOSITORY.resolve(ObservabilityQueries.FOLDER)
                    .relativize(file).toString()).filter(file -> !file.endsWith(".md")).sorted().toList();
        }
        for (String file : files) {
            Path copy = REPOSITORY.resolve(K8S_COPIES).resolve(file);
            assertThat(copy).as("copy of observability/%s (cp -r observability/. %s/)", file, K8S_COPIES).exists();
            assertThat(Files.mismatch(REPOSITORY.resolve(ObservabilityQueries.FOLDER).resolve(file), copy))
                    .as("%s/%s differs from observability/%s: cp -r observability/. %s/", K8S_COPIES, file, file,
                            K8S_COPIES)
                    .isEqualTo(-1L);
        }
        try (Stream<Path> all = Files.walk(REPOSITORY.resolve(K8S_COPIES))) {
            assertThat(all.filter(Files::isRegularFile).count()).as("no stale copies in " + K8S_COPIES)
                    .isEqualTo(files.size());
        }
    }

    /** The checks, and the alerts' unit tests (alerts-test.yml: DeadLetter fires for every reason, for instance). */
    @Test
    void promtoolAcceptsRulesAndConfigAndPassesTheAlertTestsWhereInstalled() throws Exception {
        Path promtool = Executables.onPath("promtool").orElse(null);
        assumeThat(promtool).as("promtool on PATH (Debian: apt-get install prometheus)").isNotNull();
        Path prometheus = REPOSITORY.resolve(ObservabilityQueries.FOLDER).resolve("prometheus");
        for (List<String> command : List.of(List.of(promtool.toString(), "check", "rules", "alerts.yml"),
                List.of(promtool.toString(), "check", "config", "prometheus.yml"),
                List.of(promtool.toString(), "test", "rules", "alerts-test.yml"))) {
            Process process = new ProcessBuilder(command).directory(prometheus.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        }
    }

    private static List<String> stringKeys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String relativePath) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(REPOSITORY.resolve(relativePath)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String dotEnv(String key) throws AssertionError {
        try {
            return Files.readAllLines(REPOSITORY.resolve(".env")).stream().filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1).strip()).findFirst()
                    .orElseThrow(() -> new AssertionError(".env has no " + key));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(ObservabilityQueries.FOLDER)) && Files.isRegularFile(dir.resolve(".env"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
