package io.microplatform.localstack.cli;

import static io.microplatform.localstack.console.PlatformException.PREFIX;

import io.microplatform.localstack.bench.BenchOptions;
import io.microplatform.localstack.chaos.ChaosOptions;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.console.UsageException;
import io.microplatform.localstack.faults.FaultCommand;
import io.microplatform.localstack.process.Stack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Entry point of {@code ./platform}: parses the command and runs it. Exit codes: 0 ok, 1 failed, 2 bad usage. */
public final class Platform {

    private static final String HELP = """
            ./platform runs the whole platform on this machine with nothing but a JDK 17+: PostgreSQL, Kafka,
            Zipkin (traces), the Eureka registry and every service, each a process of its own.

              up [-d] [--scale SERVICE=N]...  start what is not running, wait until all is healthy, then follow the
                                             logs (Ctrl-C stops everything); -d returns once all is healthy
              down [-v]                      stop everything; -v also deletes the PostgreSQL and Kafka data
              ps                             processes with pid, port, health and URL
              logs [-f] [SERVICE]            logs of all processes, a service or an instance; -f follows them
              restart SERVICE                restart a service's instances, or one instance (order-service-2);
                                             also postgres, kafka, trace-store, on the data they had
              kill SERVICE                   kill -9 a service's instances or one instance (for failure demos);
                                             kill postgres is an immediate stop (pg_ctl stop -m immediate)
              pause SERVICE DURATION         SIGSTOP a service's instances, one instance or postgres (with its
                                             backends) or kafka, for DURATION (500ms, 20s, 2m), then SIGCONT;
                                             Ctrl-C resumes at once
              fault SERVICE --target TYPE:NAME [--latency 2s] [--jitter 200ms] [--error-rate 0.5]
                    [--error-status 503] [--refuse] [--duplicate] [--crash-before-ack]
                    [--crash before-commit|after-commit] [--key-share 0.25]
                                             add a fault injection rule to every running instance of SERVICE;
                                             TYPE:NAME is inbound:/api/path/**, outbound:SERVICE-ID or
                                             kafka:inventory.ReserveStock (docs/fault-injection.md)
              fault SERVICE                  list its rules
              fault clear [SERVICE]          clear the rules of SERVICE, or of every service
              chaos [--duration 60s] [--rate 5] [--seed N]
                                             place orders at a steady rate while the seed's faults hit the stack
                                             (kills, crashes at chosen points, broker and database outages,
                                             pauses, slow and failing calls, duplicates, poison), heal, wait, then
                                             check every invariant from each service's data (docs/chaos.md);
                                             exit code 1 on any violation
              demo [NAME]                    list the fault-injection demos, or run one: it says what to watch,
                                             injects the fault, puts the stack back and ends in PASS or FAIL
                                             with what it measured (docs/demos.md); exit code 1 unless PASS
              bench [--warmup 60s] [--step 30s] [--start-rate 10] [--rate-step 10] [--max-rate 400]
                    [--customers 2000] [--items 500] [--out bench/results]
                                             offer orders at rising constant rates until the platform falls
                                             behind, then at half the highest rate it kept up with; latency, CPU
                                             per saga per process, commits and Kafka records per saga, and the
                                             ceilings of PostgreSQL and Kafka; JSON and a plot in bench/results/
                                             (docs/benchmark.md)
              help                           this text

            Ports come from .env; an environment variable of the same name overrides one. Instance i of a scaled
            service listens on its port + 100 * i. State, logs and data: $PLATFORM_HOME (default .platform).
            PLATFORM_JAVA_OPTS adds JVM options to every process; PLATFORM_START_TIMEOUT (seconds, default 180);
            PLATFORM_DEMO_PACE (default 1) stretches or shortens a demo's phases (0.5: half as long).
            """;

    private Platform() {
    }

    public static void main(String[] args) {
        // shutdown hooks (a Ctrl-C stopping the stack, a pause resuming) and worker threads: one line as well
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.err.println(PREFIX
                + failure(thread.getName(), e, System.getenv())));
        int status;
        try {
            status = run(List.of(args), System.getenv());
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(PREFIX + e.getMessage());
            }
            System.err.println(CommandLine.USAGE);
            status = 2;
        } catch (PlatformException e) {
            if (!e.reported()) {
                System.err.println(PREFIX + e.getMessage());
            }
            status = 1;
        } catch (RuntimeException | Error e) {
            // a bug or a failure nobody foresaw: still one line on the terminal, the stack trace in platform.log
            System.err.println(PREFIX + failure(args.length == 0 ? "platform" : args[0], e, System.getenv()));
            status = 1;
        }
        System.exit(status);
    }

    /** "down failed: <message> (stack trace in .../logs/platform.log)", the trace appended there when it can be. */
    static String failure(String what, Throwable failure, Map<String, String> environment) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return what + " failed: " + message + keptIn(what, failure, environment);
    }

    private static String keptIn(String what, Throwable failure, Map<String, String> environment) {
        try {
            Path log = Settings.load(environment).logs().resolve("platform.log");
            Files.createDirectories(log.getParent());
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            Files.writeString(log, Instant.now() + " " + what + "\n" + trace, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return " (stack trace in " + log + ")";
        } catch (RuntimeException | IOException e) {
            return "";
        }
    }

    static int run(List<String> args, Map<String, String> environment) {
        if (!args.isEmpty() && args.get(0).equals(FaultCommand.VERB)) {
            FaultCommand fault = FaultCommand.parse(args.subList(1, args.size()));
            return new Fault(new Stack(Settings.load(environment), Terminal.system(environment)), fault).run();
        }
        if (!args.isEmpty() && args.get(0).equals(RunDemo.VERB)) {
            return new RunDemo(Settings.load(environment), Terminal.system(environment), args.subList(1, args.size())).run();
        }
        if (!args.isEmpty() && args.get(0).equals(Chaos.VERB)) {
            ChaosOptions options;
            try {
                options = ChaosOptions.parse(args.subList(1, args.size()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return new Chaos(Settings.load(environment), Terminal.system(environment), options).run();
        }
        if (!args.isEmpty() && args.get(0).equals(Bench.VERB)) {
            Settings settings = Settings.load(environment);
            BenchOptions options;
            try {
                options = BenchOptions.parse(args.subList(1, args.size()), settings.repository());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return new Bench(settings, Terminal.system(environment), options).run();
        }
        CommandLine command = CommandLine.parse(args);
        if (command.verb() == CommandLine.Verb.HELP) {
            System.out.print(HELP);
            System.out.println(CommandLine.USAGE);
            return 0;
        }
        Stack stack = new Stack(Settings.load(environment), Terminal.system(environment));
        return switch (command.verb()) {
            case UP -> new Up(stack, command).run();
            case DOWN -> new Down(stack, command.volumes()).run();
            case PS -> new Ps(stack).run();
            case LOGS -> new Logs(stack, command.target(), command.follow()).run();
            case RESTART -> new Restart(stack, command.target().orElseThrow()).run();
            case KILL -> new Kill(stack, command.target().orElseThrow()).run();
            case PAUSE -> new Pause(stack, command.target().orElseThrow(), command.duration()).run();
            case HELP -> 0;
        };
    }
}
