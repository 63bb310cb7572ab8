package io.microplatform.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultTest {

    @TempDir
    Path folder;

    @Test
    void aStepKeepsUpWhenItsSagasEndAsFastAsOrdersArrive() {
        BenchResult.Step step = step("step", 20, 19.5, 3, 0);

        assertThat(step.keptUp()).isTrue();
        assertThat(step.cpuMillisPerSagaTotal()).isEqualTo(10.0);
        assertThat(step.cpuMillisPerSaga()).containsEntry("order-service", 4.0).containsEntry("postgres", 6.0);
        assertThat(step.commitsPerSaga()).isEqualTo(12.0);
        assertThat(step.kafkaRecordsPerSaga()).isEqualTo(16.0);
    }

    @Test
    void aStepFallsBehindWhenItsBacklogGrowsOrItsSagasDoNotEndOrItsPlacementsFail() {
        assertThat(step("step", 20, 12, 80, 0).keptUp()).as("backlog of 4 s of arrivals").isFalse();
        assertThat(step("step", 20, 19.5, 3, 2).keptUp()).as("two sagas never ended").isFalse();
        assertThat(step("step", 20, 15, 3, 0).keptUp()).as("completed well below offered").isFalse();
        BenchResult.Step failing = BenchResult.Step.of("step", 20, 30, new OpenLoad.Sent(600, 0, 1, List.of(),
                histogram(5)), histogram(100), 19.5, 3, 0, 0, 600, Map.of(), 0, 0, 0, 0);
        assertThat(failing.keptUp()).as("one placement got no answer").isFalse();
    }

    @Test
    void theFractionIsTheSustainedRateOverWhatTheDatabaseCouldCommitForSagas() {
        List<BenchResult.Step> steps = List.of(step("step", 10, 10, 1, 0), step("step", 20, 19.5, 3, 0),
                step("step", 30, 21, 120, 0), step("half", 10, 10, 1, 0));

        BenchResult result = result(steps);

        assertThat(result.sustainedPerSecond()).isEqualTo(19.5);
        assertThat(result.commitsPerSaga()).isEqualTo(12.0);
        assertThat(result.ceilingSagasPerSecond()).isEqualTo(500.0);
        assertThat(result.fractionOfCeiling()).isEqualTo(0.039);
        assertThat(result.atHalf().offeredPerSecond()).isEqualTo(10);
        assertThat(result.summary()).anySatisfy(line -> assertThat(line).contains("sustained: 19.5 sagas/s")
                .contains("fraction 0.039"));
    }

    @Test
    void writesTheResultAsJsonAndThePlotAsSvgAndKeepsTheLatestOfEach() throws Exception {
        BenchResult result = result(List.of(step("step", 10, 10, 1, 0), step("step", 20, 12, 80, 0)));

        Path json = result.write(folder);

        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("steps")).hasSize(2);
        assertThat(written.path("steps").get(1).path("keptUp").asBoolean()).isFalse();
        assertThat(written.path("database").path("commitsPerSecond").asDouble()).isEqualTo(6000);
        assertThat(folder.resolve("latest.json")).hasSameTextualContentAs(json);
        String svg = Files.readString(folder.resolve("latest.svg"));
        assertThat(svg).startsWith("<svg").contains("saga p99").contains("completed").endsWith("</svg>\n");
        assertThat(svg.split("<polyline", -1)).hasSize(5);
    }

    /** 600 orders over 30 s, 1,000 ms of CPU over two processes and 7,200 commits per 600 sagas. */
    private static BenchResult.Step step(String phase, double rate, double completed, long backlog, long notEnded) {
        return BenchResult.Step.of(phase, rate, 30, new OpenLoad.Sent(600, 0, 0, List.of(), histogram(5)),
                histogram(100), completed, backlog, notEnded, 0, 100,
                Map.of("order-service", 400L, "postgres", 600L), 1200, 1600, 4.5, 20);
    }

    private static BenchResult result(List<BenchResult.Step> steps) {
        return BenchResult.of("test", Instant.parse("2026-12-07T12:00:00Z"), BenchOptions.defaults(Path.of("/repo")),
                steps, new BenchResult.Rest(15, 40, Map.of("postgres", 40.0)), Map.of("order-service", 300L << 20),
                new Ceiling.Database("pgbench", 6000), new Ceiling.Kafka(100_000, 170_000, 512));
    }

    private static Histogram histogram(long millis) {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(millis * 1000);
        return histogram;
    }
}
