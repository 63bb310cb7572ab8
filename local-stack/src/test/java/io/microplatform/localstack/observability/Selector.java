package io.microplatform.localstack.observability;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One vector selector of a PromQL expression: a metric name and its label matchers. */
public record Selector(String metric, List<Matcher> matchers) {

    /** Whether a series with this name and these labels would be selected. */
    public boolean matches(String name, Map<String, String> labels) {
        return metric.equals(name) && matchers.stream().allMatch(matcher -> matcher.matches(labels));
    }

    @Override
    public String toString() {
        return matchers.isEmpty() ? metric
                : metric + matchers.stream().map(Matcher::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** {@code label op "value"}; a value holding a Grafana variable ($application) only asks for the label. */
    public record Matcher(String label, String operator, String value) {

        boolean matches(Map<String, String> labels) {
            // PromQL: a missing label has the empty value
            String actual = labels.getOrDefault(label, "");
            if (value.contains("$")) {
                return !actual.isEmpty();
            }
            return switch (operator) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                // PromQL regexes are anchored at both ends
                case "=~" -> Pattern.compile(value).matcher(actual).matches();
                case "!~" -> !Pattern.compile(value).matcher(actual).matches();
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public String toString() {
            return label + operator + '"' + value + '"';
        }
    }
}
