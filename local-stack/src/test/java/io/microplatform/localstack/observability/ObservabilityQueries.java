package io.microplatform.localstack.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Every PromQL expression of the observability folder: each Grafana panel target, annotation and template variable
 * of every dashboard, and each alert rule. {@code where} names it the way a reader finds it ("saga.json / Saga
 * duration percentiles", "alerts.yml / DeadLetter").
 */
public final class ObservabilityQueries {

    public static final String FOLDER = "observability";
    public static final String DASHBOARDS = FOLDER + "/grafana/dashboards";
    public static final String ALERTS = FOLDER + "/prometheus/alerts.yml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ObservabilityQueries() {
    }

    /**
     * @param kind a panel shows its expression's result; an alert or annotation is a condition, empty while it does
     *        not hold; a variable lists label values
     */
    public record Query(Kind kind, String where, String expression) {

        public List<Selector> selectors() {
            return PromQl.selectors(expression);
        }
    }

    public enum Kind {
        PANEL, ANNOTATION, VARIABLE, ALERT
    }

    public static List<Query> all(Path repository) {
        List<Query> queries = new ArrayList<>();
        for (Path dashboard : dashboards(repository)) {
            queries.addAll(ofDashboard(dashboard));
        }
        queries.addAll(ofAlerts(repository.resolve(ALERTS)));
        return queries;
    }

    public static List<Path> dashboards(Path repository) {
        try (Stream<Path> files = Files.list(repository.resolve(DASHBOARDS))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Query> ofDashboard(Path file) {
        JsonNode dashboard = readJson(file);
        String name = file.getFileName().toString();
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard.path("panels"))) {
            for (JsonNode target : panel.path("targets")) {
                String where = name + " / " + panel.path("title").asText() + " [" + target.path("refId").asText() + "]";
                queries.add(new Query(Kind.PANEL, where, required(target, "expr", where)));
            }
        }
        for (JsonNode annotation : dashboard.path("annotations").path("list")) {
            if (annotation.has("expr")) {
                queries.add(new Query(Kind.ANNOTATION, name + " / annotation " + annotation.path("name").asText(),
                        annotation.path("expr").asText()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asText() : query.asText();
                queries.add(new Query(Kind.VARIABLE, name + " / variable $" + variable.path("name").asText(), labelValuesMetric(text)));
            }
        }
        return queries;
    }

    static List<Query> ofAlerts(Path file) {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : AlertRules.load(file).rules()) {
            String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
            queries.add(new Query(Kind.ALERT, "alerts.yml / " + name, String.valueOf(rule.get("expr"))));
        }
        return queries;
    }

    /** Panels, including those inside collapsed rows. */
    static List<JsonNode> panels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : panels) {
            all.add(panel);
            all.addAll(panels(panel.path("panels")));
        }
        return all;
    }

    /** label_values(selector, label) is Grafana's, not PromQL: its selector is what Prometheus is asked. */
    static String labelValuesMetric(String variableQuery) {
        String query = variableQuery.strip();
        if (!query.startsWith("label_values(") || !query.endsWith(")")) {
            return query;
        }
        String arguments = query.substring("label_values(".length(), query.length() - 1);
        int lastComma = arguments.lastIndexOf(',');
        return lastComma < 0 ? "{__name__=~\".+\"}" : arguments.substring(0, lastComma).strip();
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new AssertionError(where + " has no " + field);
        }
        return value;
    }

    /** alerts.yml read as Prometheus reads a rule file. */
    record AlertRules(List<Map<String, Object>> groups) {

        @SuppressWarnings("unchecked")
        static AlertRules load(Path file) {
            try {
                Object document = new Yaml().load(Files.readString(file));
                Map<String, Object> root = (Map<String, Object>) document;
                return new AlertRules((List<Map<String, Object>>) root.get("groups"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassCastException | NullPointerException e) {
                throw new AssertionError(file + " is not a rule file (groups: [{name, rules: [...]}])", e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules() {
            return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
        }
    }
}
