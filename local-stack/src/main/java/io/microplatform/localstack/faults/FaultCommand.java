package io.microplatform.localstack.faults;

import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.UsageException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of {@code ./platform fault}:
 * <pre>
 *   fault SERVICE                                   list the rules of every running instance of SERVICE
 *   fault SERVICE --target TYPE:NAME [effects]      add a rule to every running instance of SERVICE
 *   fault clear [SERVICE]                           clear the rules of SERVICE, or of every service
 * </pre>
 * TYPE is {@code inbound} (a path pattern), {@code outbound} (a downstream's service id or host) or {@code kafka} (a
 * logical message type); effects: {@code --latency 2s --jitter 200ms --error-rate 0.5 --error-status 503 --refuse
 * --duplicate --crash-before-ack --crash before-commit|after-commit}, narrowed by {@code --key-share 0.25} to that share
 * of order ids (kafka only). {@link #rule()} is the JSON body of POST
 * /actuator/faults.
 */
public record FaultCommand(Action action, Optional<String> service, Map<String, Object> rule) {

    public static final String VERB = "fault";
    public static final String USAGE = "fault SERVICE [--target inbound|outbound|kafka:NAME [--latency 2s] [--jitter 200ms]"
            + " [--error-rate 0.5] [--error-status 503] [--refuse] [--duplicate] [--crash-before-ack]"
            + " [--crash before-commit|after-commit] [--key-share 0.25]] | fault clear [SERVICE]";

    public enum Action {
        LIST, ADD, CLEAR
    }

    private static final Map<String, String> TARGET_TYPES = Map.of("inbound", "inbound-http", "inbound-http", "inbound-http",
            "outbound", "outbound-http", "outbound-http", "outbound-http", "kafka", "kafka");
    /** Where a crash rule halts the service: when the handling's transaction is about to commit, or right after. */
    private static final Set<String> CRASH_POINTS = Set.of("before-commit", "after-commit");
    /** What Spring Boot's simple duration style reads (the service parses it again): 2s, 500ms, 1m. */
    private static final Pattern DURATION = Pattern.compile("\\d+(ns|us|ms|s|m|h|d)");

    public static FaultCommand parse(java.util.List<String> arguments) {
        Deque<String> args = new ArrayDeque<>();
        for (String argument : arguments) {
            // --latency=2s reads like --latency 2s
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                args.add(argument.substring(0, equals));
                args.add(argument.substring(equals + 1));
            } else {
                args.add(argument);
            }
        }
        if (args.isEmpty()) {
            throw new UsageException("fault needs a service, or clear");
        }
        String first = args.removeFirst();
        if (first.equals("clear")) {
            Optional<String> service = args.isEmpty() ? Optional.empty() : Optional.of(service(args.removeFirst()));
            if (!args.isEmpty()) {
                throw new UsageException("unknown argument '" + args.peekFirst() + "' for fault clear");
            }
            return new FaultCommand(Action.CLEAR, service, Map.of());
        }
        String service = service(first);
        if (args.isEmpty()) {
            return new FaultCommand(Action.LIST, Optional.of(service), Map.of());
        }
        return new FaultCommand(Action.ADD, Optional.of(service), rule(args));
    }

    private static Map<String, Object> rule(Deque<String> args) {
        Map<String, Object> rule = new LinkedHashMap<>();
        boolean effect = false;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--target" -> rule.put("target", target(value(option, args)));
                case "--latency", "--jitter" -> {
                    rule.put(option.substring(2), duration(option, value(option, args)));
                    effect = true;
                }
                case "--error-rate" -> {
                    rule.put("errorRate", errorRate(value(option, args)));
                    effect = true;
                }
                case "--error-status" -> rule.put("errorStatus", errorStatus(value(option, args)));
                case "--key-share" -> rule.put("keyShare", keyShare(value(option, args)));
                case "--refuse" -> effect = flag(rule, "refuse");
                case "--duplicate", "--duplicate-delivery" -> effect = flag(rule, "duplicateDelivery");
                case "--crash-before-ack" -> effect = flag(rule, "crashBeforeAck");
                case "--crash" -> {
                    rule.put("crash", crash(value(option, args)));
                    effect = true;
                }
                default -> throw new UsageException("unknown argument '" + option + "' for fault");
            }
        }
        if (!rule.containsKey("target")) {
            throw new UsageException("fault needs --target TYPE:NAME, e.g. inbound:/api/shipping/quotes,"
                    + " outbound:inventory-service or kafka:inventory.ReserveStock");
        }
        if (!effect) {
            throw new UsageException("fault needs an effect: --latency, --jitter, --error-rate, --refuse, --duplicate,"
                    + " --crash-before-ack or --crash");
        }
        Object type = ((Map<?, ?>) rule.get("target")).get("type");
        if (!type.equals("kafka") && (rule.containsKey("duplicateDelivery") || rule.containsKey("crashBeforeAck"))) {
            throw new UsageException("--duplicate and --crash-before-ack apply to kafka targets only");
        }
        if (!type.equals("kafka") && rule.containsKey("keyShare")) {
            throw new UsageException("--key-share applies to kafka targets only (a record's key is its order id)");
        }
        if (type.equals("outbound-http") && rule.containsKey("crash")) {
            throw new UsageException("--crash applies to kafka and inbound targets only (crash the service called instead)");
        }
        return rule;
    }

    private static Map<String, String> target(String target) {
        int colon = target.indexOf(':');
        String type = colon < 0 ? "" : TARGET_TYPES.getOrDefault(target.substring(0, colon).toLowerCase(Locale.ROOT), "");
        String name = colon < 0 ? "" : target.substring(colon + 1);
        if (type.isEmpty() || name.isBlank()) {
            throw new UsageException("--target " + target + ": write TYPE:NAME with TYPE inbound, outbound or kafka");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        parsed.put("type", type);
        parsed.put("name", name);
        return parsed;
    }

    private static String duration(String option, String value) {
        if (!DURATION.matcher(value).matches()) {
            throw new UsageException(option + " " + value + ": a duration like 2s, 500ms or 1m");
        }
        return value;
    }

    private static String crash(String value) {
        if (!CRASH_POINTS.contains(value)) {
            throw new UsageException("--crash " + value + ": before-commit or after-commit");
        }
        return value;
    }

    private static double errorRate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--error-rate " + value + ": a fraction from 0 to 1, e.g. 0.5");
    }

    private static double keyShare(String value) {
        try {
            double share = Double.parseDouble(value);
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--key-share " + value + ": a fraction above 0 and at most 1, e.g. 0.25");
    }

    private static int errorStatus(String value) {
        if (!value.matches("5\\d\\d")) {
            throw new UsageException("--error-status " + value + ": a 5xx status, e.g. 503");
        }
        return Integer.parseInt(value);
    }

    private static boolean flag(Map<String, Object> rule, String name) {
        rule.put(name, true);
        return true;
    }

    private static String value(String option, Deque<String> args) {
        if (args.isEmpty() || args.peekFirst().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.removeFirst();
    }

    private static String service(String name) {
        Optional<Topology.InstanceRef> instance = Topology.instance(name);
        if (instance.isEmpty() || Topology.kind(instance.get().service()) != Topology.Kind.SERVICE) {
            throw new UsageException("fault: unknown service '" + name + "'; services: "
                    + String.join(", ", Topology.BUSINESS_SERVICES));
        }
        return name;
    }
}
