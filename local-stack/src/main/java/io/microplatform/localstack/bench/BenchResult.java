package io.microplatform.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One benchmark run, as written to {@code bench/results/bench-<time>.json}: every step, the stack at rest, memory after
 * the run, the ceilings, and the figures the targets are judged by.
 *
 * @param sustainedPerSecond completed sagas per second in the highest step the platform kept up with
 * @param ceilingSagasPerSecond PostgreSQL's commits per second divided by the commits one saga costs
 * @param atHalf the step at half the sustained rate, where CPU and latency targets are judged; null if none kept up
 */
public record BenchResult(String runId, Instant started, Instant ended, Map<String, Object> machine,
        Map<String, Object> options, List<Step> steps, Rest rest, Map<String, Double> residentMiB,
        Ceiling.Database database, Ceiling.Kafka kafka, double sustainedPerSecond, double commitsPerSaga,
        double ceilingSagasPerSecond, double fractionOfCeiling, Step atHalf) {

    /** Latencies in milliseconds. */
    public record Latency(double p50, double p99, double p999, double max) {

        static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0);
            }
            return new Latency(micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(99) / 1e3,
                    micros.getValueAtPercentile(99.9) / 1e3, micros.getMaxValue() / 1e3);
        }
    }

    /**
     * One step at a constant offered rate.
     *
     * @param completedPerSecond sagas CONFIRMED within the step's window, per second of it
     * @param backlogAtEnd accepted orders not ended when the step stopped sending
     * @param notEndedAfterDrain still not ended once the drain limit ran out (should be 0)
     * @param cpuMillisPerSaga per process, CPU from the step's start until its last saga ended, per confirmed saga
     * @param outboxLagMeanMillis from commit to Kafka's acknowledgement, the mean over the step's outbox messages
     * @param outboxLagMaxMillis the longest of those in the services' last two minutes (Micrometer's max window)
     */
    public record Step(String phase, double offeredPerSecond, double seconds, int placed, int refused, int failed,
            Latency placement, Latency saga, double completedPerSecond, long backlogAtEnd, long notEndedAfterDrain,
            long cancelled, Map<String, Double> cpuMillisPerSaga, double cpuMillisPerSagaTotal, double commitsPerSaga,
            double kafkaRecordsPerSaga, double outboxLagMeanMillis, double outboxLagMaxMillis, boolean keptUp) {

        static Step of(String phase, double rate, double seconds, OpenLoad.Sent sent, Histogram saga,
                double completedPerSecond, long backlogAtEnd, long notEndedAfterDrain, long cancelled, long sagas,
                Map<String, Long> cpuMillis, long commits, long kafkaRecords, double outboxLagMean,
                double outboxLagMax) {
            double per = Math.max(1, sagas);
            Map<String, Double> cpu = new TreeMap<>();
            cpuMillis.forEach((process, millis) -> cpu.put(process, round(millis / per)));
            double cpuTotal = cpuMillis.values().stream().mapToLong(Long::longValue).sum() / per;
            boolean keptUp = sent.failed() == 0 && sent.refused() == 0 && notEndedAfterDrain == 0
                    && backlogAtEnd <= Math.max(5, rate) && completedPerSecond >= 0.9 * rate;
            return new Step(phase, rate, round(seconds), sent.placed(), sent.refused(), sent.failed(),
                    Latency.of(sent.latencyMicros()), Latency.of(saga), round(completedPerSecond), backlogAtEnd,
                    notEndedAfterDrain, cancelled, cpu, round(cpuTotal), round(commits / per), round(kafkaRecords / per),
                    round(outboxLagMean), round(outboxLagMax), keptUp);
        }

        String line() {
            return String.format(Locale.ROOT, "%-7s %5.0f/s offered  %6.1f/s completed  placement p99 %7.1f ms  "
                            + "saga p50 %7.1f p99 %8.1f ms  backlog %4d  CPU %6.1f ms/saga  %4.1f commits  %4.1f records  "
                            + "outbox %5.1f ms  %s",
                    phase, offeredPerSecond, completedPerSecond, placement.p99(), saga.p50(), saga.p99(), backlogAtEnd,
                    cpuMillisPerSagaTotal, commitsPerSaga, kafkaRecordsPerSaga, outboxLagMeanMillis,
                    keptUp ? "kept up" : "FELL BEHIND");
        }
    }

    /** The stack with no load: CPU milliseconds per second of wall time, summed and per process. */
    public record Rest(double seconds, double cpuMillisPerSecond, Map<String, Double> perProcess) {
    }

    static BenchResult of(String runId, Instant started, BenchOptions options, List<Step> steps, Rest rest,
            Map<String, Long> resident, Ceiling.Database database, Ceiling.Kafka kafka) {
        Optional<Step> highest = steps.stream().filter(step -> step.phase().equals("step") && step.keptUp())
                .max(Comparator.comparingDouble(Step::offeredPerSecond));
        Optional<Step> half = steps.stream().filter(step -> step.phase().equals("half")).findFirst();
        double sustained = highest.map(Step::completedPerSecond).orElse(0.0);
        // the cost of a saga where the platform keeps up; the first step's if it never did
        double commitsPerSaga = half.or(() -> highest).or(() -> steps.stream().filter(step -> step.phase().equals("step"))
                .findFirst()).map(Step::commitsPerSaga).orElse(0.0);
        double ceilingSagas = commitsPerSaga > 0 ? database.commitsPerSecond() / commitsPerSaga : 0;
        Map<String, Double> mib = new TreeMap<>();
        resident.forEach((process, bytes) -> mib.put(process, round(bytes / 1048576.0)));
        Map<String, Object> machine = new TreeMap<>(Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.version")));
        Map<String, Object> chosen = new TreeMap<>(Map.of("warmupSeconds", options.warmup().toSeconds(),
                "stepSeconds", options.step().toSeconds(), "startRate", options.startRate(), "rateStep",
                options.rateStep(), "maxRate", options.maxRate(), "customers", options.customers(), "items",
                options.items()));
        return new BenchResult(runId, started, Instant.now(), machine, chosen, steps, rest, mib, database, kafka,
                round(sustained), round(commitsPerSaga), round(ceilingSagas),
                ceilingSagas > 0 ? Math.round(sustained / ceilingSagas * 1000) / 1000.0 : 0, half.orElse(null));
    }

    /** The lines printed at the end: what the targets of the benchmark are judged by. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "sustained: %.1f sagas/s; ceiling %.0f commits/s (%s) / %.1f commits per "
                        + "saga = %.0f sagas/s; fraction %.3f", sustainedPerSecond, database.commitsPerSecond(),
                database.how(), commitsPerSaga, ceilingSagasPerSecond, fractionOfCeiling));
        lines.add(String.format(Locale.ROOT, "Kafka on the same broker: %.0f records/s produced, %.0f consumed (%d B)",
                kafka.producedPerSecond(), kafka.consumedPerSecond(), kafka.recordSize()));
        Optional.ofNullable(atHalf).ifPresent(half -> lines.add(String.format(Locale.ROOT, "at %.0f/s: CPU %.1f ms per saga, saga p50 %.1f "
                        + "ms p99 %.1f ms, placement p99 %.1f ms", half.offeredPerSecond(), half.cpuMillisPerSagaTotal(),
                half.saga().p50(), half.saga().p99(), half.placement().p99())));
        lines.add(String.format(Locale.ROOT, "at rest: %.1f ms CPU per second; resident memory (MiB): %s",
                rest.cpuMillisPerSecond(), residentMiB));
        return lines;
    }

    /** Writes bench-<time>.json and .svg into {@code folder}, and copies them to latest.json and latest.svg. */
    public Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        String name = "bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path json = folder.resolve(name + ".json");
        new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), this);
        Path svg = folder.resolve(name + ".svg");
        Files.writeString(svg, BenchPlot.svg(this));
        Files.copy(json, folder.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(svg, folder.resolve("latest.svg"), StandardCopyOption.REPLACE_EXISTING);
        return json;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
