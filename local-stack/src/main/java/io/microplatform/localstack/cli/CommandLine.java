package io.microplatform.localstack.cli;

import io.microplatform.localstack.bench.BenchOptions;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.UsageException;
import io.microplatform.localstack.faults.FaultCommand;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsed arguments of {@code ./platform}: verbs and flags shaped like docker compose's. */
record CommandLine(Verb verb, boolean detach, boolean volumes, boolean follow, Map<String, Integer> scale,
        Optional<String> target, Duration duration) {

    static final String USAGE = "usage: ./platform up [-d] [--scale SERVICE=N]... | down [-v] | ps | logs [-f] [SERVICE]"
            + " | restart SERVICE | kill SERVICE | pause SERVICE DURATION | " + FaultCommand.USAGE
            + " | chaos [--duration D] [--rate R] [--seed N] | demo [NAME] | " + BenchOptions.USAGE + " | help";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    enum Verb {
        UP, DOWN, PS, LOGS, RESTART, KILL, PAUSE, HELP
    }

    CommandLine(Verb verb, boolean detach, boolean volumes, boolean follow, Map<String, Integer> scale,
            Optional<String> target) {
        this(verb, detach, volumes, follow, scale, target, Duration.ZERO);
    }

    static CommandLine parse(List<String> arguments) {
        Deque<String> args = new ArrayDeque<>(arguments);
        String verb = args.isEmpty() ? "" : args.removeFirst();
        return switch (verb) {
            case "up" -> up(args);
            case "down" -> new CommandLine(Verb.DOWN, false, flag(args, "-v", "--volumes"), false, Map.of(), none(args));
            case "ps" -> new CommandLine(Verb.PS, false, false, false, Map.of(), none(args));
            case "logs" -> logs(args);
            case "restart" -> new CommandLine(Verb.RESTART, false, false, false, Map.of(), Optional.of(name(args)));
            case "kill" -> new CommandLine(Verb.KILL, false, false, false, Map.of(), Optional.of(name(args)));
            case "pause" -> pause(args);
            case "help", "-h", "--help" -> new CommandLine(Verb.HELP, false, false, false, Map.of(), Optional.empty());
            case "" -> throw new UsageException(null);
            default -> throw new UsageException("unknown command '" + verb + "'");
        };
    }

    private static CommandLine up(Deque<String> args) {
        boolean detach = false;
        Map<String, Integer> scale = new LinkedHashMap<>();
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            if (arg.equals("-d") || arg.equals("--detach")) {
                detach = true;
            } else if (arg.equals("--scale") && !args.isEmpty()) {
                scale(args.removeFirst(), scale);
            } else if (arg.startsWith("--scale=")) {
                scale(arg.substring("--scale=".length()), scale);
            } else {
                throw new UsageException("unknown argument '" + arg + "' for up");
            }
        }
        return new CommandLine(Verb.UP, detach, false, false, Map.copyOf(scale), Optional.empty());
    }

    /** {@code pause NAME DURATION}: 500ms, 20s, 2m or 1h. */
    private static CommandLine pause(Deque<String> args) {
        if (args.size() != 2) {
            throw new UsageException("pause needs a service or instance and a duration, e.g. pause saga-orchestrator 20s");
        }
        String target = known(args.removeFirst());
        String duration = args.removeFirst();
        Matcher matcher = DURATION.matcher(duration);
        if (!matcher.matches()) {
            throw new UsageException("pause " + target + " " + duration + ": the duration is a number with ms, s, m or h");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration pause = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new CommandLine(Verb.PAUSE, false, false, false, Map.of(), Optional.of(target), pause);
    }

    private static void scale(String assignment, Map<String, Integer> scale) {
        int equals = assignment.indexOf('=');
        String service = equals < 0 ? assignment : assignment.substring(0, equals);
        String count = equals < 0 ? "" : assignment.substring(equals + 1);
        if (!Topology.isScalable(service)) {
            throw new UsageException("cannot scale '" + service + "'; scalable: " + String.join(", ", Topology.BUSINESS_SERVICES));
        }
        if (!count.matches("[0-9]") || Integer.parseInt(count) > StackPlan.MAX_SCALE) {
            throw new UsageException("--scale " + assignment + ": N must be 0 to " + StackPlan.MAX_SCALE);
        }
        scale.put(service, Integer.parseInt(count));
    }

    private static CommandLine logs(Deque<String> args) {
        boolean follow = false;
        Optional<String> target = Optional.empty();
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            if (arg.equals("-f") || arg.equals("--follow")) {
                follow = true;
            } else if (target.isEmpty() && !arg.startsWith("-")) {
                target = Optional.of(known(arg));
            } else {
                throw new UsageException("unknown argument '" + arg + "' for logs");
            }
        }
        return new CommandLine(Verb.LOGS, false, false, follow, Map.of(), target);
    }

    private static boolean flag(Deque<String> args, String... names) {
        boolean present = false;
        while (!args.isEmpty() && List.of(names).contains(args.peekFirst())) {
            args.removeFirst();
            present = true;
        }
        none(args);
        return present;
    }

    private static String name(Deque<String> args) {
        if (args.size() != 1) {
            throw new UsageException("name one service or instance");
        }
        return known(args.removeFirst());
    }

    private static String known(String name) {
        if (Topology.instance(name).isEmpty()) {
            throw new UsageException("unknown service '" + name + "'; services: " + String.join(", ", Topology.SERVICES));
        }
        return name;
    }

    private static Optional<String> none(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("unknown argument '" + args.peekFirst() + "'");
        }
        return Optional.empty();
    }
}
