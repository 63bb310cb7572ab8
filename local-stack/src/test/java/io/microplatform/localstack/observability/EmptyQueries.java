package io.microplatform.localstack.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The panels and alerts that would show nothing: checked by a query parser against the series the services expose,
 * or, where a Prometheus is installed, by that Prometheus scraping them.
 */
public final class EmptyQueries {

    /**
     * Series that legitimately appear only after an event the end-to-end run does not cause, with the reason.
     * Keep it tiny: every entry is a panel nobody has seen with data.
     */
    public static final Map<String, String> ONLY_AFTER_RARE_EVENTS = Map.of(
            "saga_failed_total", "a saga is parked as FAILED only after 10 failed compensation attempts",
            "outbox_publish_failures_total", "counted only when Kafka refuses a send of the outbox relay",
            "saga_replies_ignored_total", "counted only for a duplicate or late reply");

    private EmptyQueries() {
    }

    /**
     * As a real Prometheus evaluates them, after it has scraped the stack: every expression must parse and evaluate,
     * every selector select a series, every panel show a result, and every alert rule evaluate without error
     * (allow-listed metrics skipped). Alerts and annotations are conditions, empty while they do not hold.
     */
    public static List<String> find(List<ObservabilityQueries.Query> queries, RealPrometheus prometheus)
            throws java.io.IOException, InterruptedException {
        List<String> empty = new ArrayList<>();
        for (ObservabilityQueries.Query query : queries) {
            boolean allowListed = query.selectors().stream()
                    .anyMatch(selector -> ONLY_AFTER_RARE_EVENTS.containsKey(selector.metric()));
            try {
                boolean noResult = prometheus.query(query.expression()).isEmpty();
                for (Selector selector : query.selectors()) {
                    if (!ONLY_AFTER_RARE_EVENTS.containsKey(selector.metric())
                            && prometheus.query(selector.toString()).isEmpty()) {
                        empty.add(query.where() + ": " + selector + " (Prometheus: no series)");
                    }
                }
                if (query.kind() == ObservabilityQueries.Kind.PANEL && noResult && !allowListed) {
                    empty.add(query.where() + ": the whole expression has no result in Prometheus");
                }
            } catch (AssertionError error) {
                empty.add(query.where() + ": Prometheus refused it: " + error.getMessage());
            }
        }
        for (RealPrometheus.Rule rule : prometheus.rules()) {
            if (!"ok".equals(rule.health())) {
                empty.add("alerts.yml / " + rule.name() + ": rule health " + rule.health() + " " + rule.lastError());
            }
        }
        return empty;
    }

    /** "where: selector" for every selector of every query with no matching series (allow-listed ones skipped). */
    public static List<String> find(List<ObservabilityQueries.Query> queries, ExposedSeries series) {
        List<String> empty = new ArrayList<>();
        for (ObservabilityQueries.Query query : queries) {
            for (Selector selector : query.selectors()) {
                if (!ONLY_AFTER_RARE_EVENTS.containsKey(selector.metric()) && !series.anyMatch(selector)) {
                    empty.add(query.where() + ": " + selector + (series.hasMetric(selector.metric())
                            ? " (metric exists, no series matches the labels)" : " (no such metric)"));
                }
            }
        }
        return empty;
    }
}
