package io.microplatform.localstack.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vector selectors of a PromQL expression, found by a small scanner rather than a full parser: enough to know
 * which metric names and labels a query needs, and to reject what Prometheus would not parse (unbalanced brackets,
 * unknown characters, malformed matchers or ranges). Function names, aggregation operators, keywords, numbers,
 * durations and string arguments are skipped; Grafana's interval variables ($__rate_interval) count as durations.
 */
public final class PromQl {

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    // followed by a parenthesised list of label names
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern GRAFANA_INTERVAL = Pattern.compile("\\$\\{?__(rate_interval|interval|range)(_ms|_s)?}?");
    private static final Pattern RANGE = Pattern.compile("\\d+(ms|[smhdwy])(\\d+(ms|[smhdwy]))*"
            + "(:(\\d+(ms|[smhdwy]))*)?");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String expression;
    private int position;

    private PromQl(String expression) {
        this.expression = expression;
    }

    /** Every vector selector in the expression, in order; throws IllegalArgumentException if it cannot parse. */
    public static List<Selector> selectors(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        return new PromQl(GRAFANA_INTERVAL.matcher(expression).replaceAll("5m")).scan();
    }

    private List<Selector> scan() {
        List<Selector> selectors = new ArrayList<>();
        int depth = 0;
        while (skipSpace()) {
            char c = expression.charAt(position);
            if (c == '"' || c == '\'' || c == '`') {
                string();
            } else if (c == '(') {
                depth++;
                position++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw error("unbalanced ')'");
                }
                position++;
            } else if (c == '[') {
                range();
            } else if (c == '{') {
                // {__name__="..."}: a selector without a metric name in front
                List<Selector.Matcher> matchers = matchers();
                String name = matchers.stream().filter(m -> m.label().equals("__name__") && m.operator().equals("="))
                        .map(Selector.Matcher::value).findFirst()
                        .orElseThrow(() -> error("a selector without a metric name needs __name__=\"...\""));
                selectors.add(new Selector(name, matchers.stream().filter(m -> !m.label().equals("__name__")).toList()));
            } else if (Character.isDigit(c) || c == '.') {
                number();
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                String word = identifier();
                boolean call = skipSpace() && expression.charAt(position) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word) && (call || !word.startsWith("group_"))) {
                    labelList(word); // group_left and group_right may go without one
                } else if (LABEL_LIST_KEYWORDS.contains(word) || KEYWORDS.contains(word.toLowerCase())
                        || AGGREGATIONS.contains(word) || call) {
                    continue; // the '(' of a call is counted by the loop
                } else {
                    List<Selector.Matcher> matchers = position < expression.length()
                            && expression.charAt(position) == '{' ? matchers() : List.of();
                    selectors.add(new Selector(word, matchers));
                }
            } else if ("+-*/%^=!<>,@".indexOf(c) >= 0) {
                position++;
            } else if (c == '$') {
                throw error("Grafana variable outside a label value");
            } else {
                throw error("unexpected '" + c + "'");
            }
        }
        if (depth != 0) {
            throw error("unbalanced '('");
        }
        return selectors;
    }

    private List<Selector.Matcher> matchers() {
        position++; // {
        List<Selector.Matcher> matchers = new ArrayList<>();
        while (true) {
            if (!skipSpace()) {
                throw error("unclosed '{'");
            }
            if (expression.charAt(position) == '}') {
                position++;
                return matchers;
            }
            String label = identifier();
            if (!LABEL_NAME.matcher(label).matches()) {
                throw error("bad label name '" + label + "'");
            }
            skipSpace();
            String operator = operator();
            skipSpace();
            String value = string();
            if (operator.endsWith("~") && !value.contains("$")) {
                Pattern.compile(value); // a bad regex fails here, as it would in Prometheus
            }
            matchers.add(new Selector.Matcher(label, operator, value));
            skipSpace();
            if (position < expression.length() && expression.charAt(position) == ',') {
                position++;
            } else if (position >= expression.length() || expression.charAt(position) != '}') {
                throw error("expected ',' or '}' after a matcher");
            }
        }
    }

    private String operator() {
        for (String operator : List.of("=~", "!~", "!=", "=")) {
            if (expression.startsWith(operator, position)) {
                position += operator.length();
                return operator;
            }
        }
        throw error("expected a matcher operator (=, !=, =~, !~)");
    }

    private void labelList(String keyword) {
        if (!skipSpace() || expression.charAt(position) != '(') {
            throw error("'" + keyword + "' needs a label list");
        }
        int end = expression.indexOf(')', position);
        if (end < 0) {
            throw error("unclosed label list after '" + keyword + "'");
        }
        for (String label : expression.substring(position + 1, end).split(",")) {
            if (!label.isBlank() && !LABEL_NAME.matcher(label.strip()).matches()) {
                throw error("bad label name '" + label.strip() + "' after '" + keyword + "'");
            }
        }
        position = end + 1;
    }

    private void range() {
        int end = expression.indexOf(']', position);
        if (end < 0) {
            throw error("unclosed '['");
        }
        String range = expression.substring(position + 1, end).replace(" ", "");
        if (!RANGE.matcher(range).matches()) {
            throw error("bad range '[" + range + "]'");
        }
        position = end + 1;
    }

    private void number() {
        int start = position;
        while (position < expression.length() && (Character.isLetterOrDigit(expression.charAt(position))
                || expression.charAt(position) == '.'
                || ((expression.charAt(position) == '+' || expression.charAt(position) == '-')
                && Character.toLowerCase(expression.charAt(position - 1)) == 'e'))) {
            position++;
        }
        String number = expression.substring(start, position);
        if (!number.matches("(0x[0-9a-fA-F]+|\\d*\\.?\\d+([eE][+-]?\\d+)?|" + RANGE.pattern() + ")")) {
            throw error("bad number or duration '" + number + "'");
        }
    }

    private String identifier() {
        int start = position;
        while (position < expression.length() && (Character.isLetterOrDigit(expression.charAt(position))
                || expression.charAt(position) == '_' || expression.charAt(position) == ':')) {
            position++;
        }
        return expression.substring(start, position);
    }

    private String string() {
        if (position >= expression.length()) {
            throw error("expected a quoted string");
        }
        char quote = expression.charAt(position);
        if (quote != '"' && quote != '\'' && quote != '`') {
            throw error("expected a quoted string");
        }
        StringBuilder value = new StringBuilder();
        for (int i = position + 1; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == quote) {
                position = i + 1;
                return value.toString();
            }
            if (c == '\\' && quote != '`' && i + 1 < expression.length()) {
                char escaped = expression.charAt(++i);
                // PromQL (Go) string escapes; in a regex "\\." reaches the regex engine as \.
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
                if (escaped != '\\' && escaped != '"' && escaped != '\'' && "ntabfrv".indexOf(escaped) < 0) {
                    throw error("unknown escape '\\" + escaped + "' in a string");
                }
            } else {
                value.append(c);
            }
        }
        throw error("unclosed string");
    }

    /** Skips whitespace and # comments; false at the end of the expression. */
    private boolean skipSpace() {
        while (position < expression.length()) {
            char c = expression.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                int end = expression.indexOf('\n', position);
                position = end < 0 ? expression.length() : end + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + position + " of: " + expression);
    }
}
