package io.microplatform.localstack.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The panels and alerts whose selectors would select nothing from the given series. */
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
