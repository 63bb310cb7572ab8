package io.microplatform.localstack.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series Prometheus would hold after scraping the given /actuator/prometheus texts: each sample line's name and
 * labels, plus the target labels the scrape config adds (job, app, instance; honor_labels keeps the service's own)
 * and the `up` series Prometheus itself writes per target.
 */
public final class ExposedSeries {

    record Series(String name, Map<String, String> labels) {
    }

    private final List<Series> series = new ArrayList<>();

    /** One scraped target's text exposition format (text/plain; version=0.0.4). */
    public void addTarget(String exposition, Map<String, String> targetLabels) {
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Series parsed = parse(line);
            Map<String, String> labels = new LinkedHashMap<>(targetLabels);
            labels.putAll(parsed.labels());
            series.add(new Series(parsed.name(), labels));
        }
        series.add(new Series("up", new LinkedHashMap<>(targetLabels)));
    }

    public boolean anyMatch(Selector selector) {
        return series.stream().anyMatch(s -> selector.matches(s.name(), s.labels()));
    }

    public int size() {
        return series.size();
    }

    public boolean hasMetric(String name) {
        return series.stream().anyMatch(s -> s.name().equals(name));
    }

    static Series parse(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            return new Series(line.substring(0, space).strip(), Map.of());
        }
        String name = line.substring(0, brace);
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (i < line.length() && line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return new Series(name, labels);
    }
}
