package io.microplatform.localstack.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microplatform.localstack.chaos.FaultRunner.Outcome;
import io.microplatform.localstack.chaos.Invariants.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What a chaos run did and found: the JSON report, and one line that says it all. */
record ChaosReport(String runId, long seed, long durationSeconds, double rate, Instant loadStarted, Instant loadEnded,
        Instant healed, Instant quiescent, DataSet dataSet, List<FaultPlan.Fault> plan, List<Outcome> faults,
        Verdict verdict, boolean passed) {

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("chaos-" + runId + ".json");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(file.toFile(), this);
        return file;
    }

    /** One line: the figures a reader checks first, and PASS or FAIL. */
    String summary() {
        Invariants.Load load = verdict.load();
        Invariants.Terminal terminal = verdict.terminal();
        Invariants.Messaging messaging = verdict.messaging();
        BigDecimal moneyDrift = verdict.money().driftPerCustomer().values().stream().map(BigDecimal::abs)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int stockDrift = verdict.stockDrift().values().stream().mapToInt(Math::abs).sum();
        long unpublished = messaging.unpublishedOutbox().values().stream().mapToLong(Long::longValue).sum();
        long parked = messaging.parkedOutbox().values().stream().mapToLong(Long::longValue).sum();
        long lost = verdict.violations().stream().filter(v -> v.startsWith("lost order")).count();
        List<Invariants.Window> participantDown = verdict.acceptanceWhileDown().stream()
                .filter(window -> FaultRunner.PARTICIPANTS.contains(window.participant())).toList();
        long attemptedWhileDown = participantDown.stream().mapToLong(Invariants.Window::attempted).sum();
        long acceptedWhileDown = participantDown.stream().mapToLong(Invariants.Window::accepted).sum();
        return String.format(Locale.ROOT, "chaos seed %d (%s), %d s at %s/s, %d faults: %d placed, %d accepted "
                        + "(%d confirmed, %d cancelled), %d lost, %d stuck, %d late, %d double charges, stock drift %d, "
                        + "money drift %s, %d confirmed incomplete, %d cancelled with effects, outbox %d unpublished %d "
                        + "parked (%d/%d unpublishable parked), duplicates %d delivered %d applied, poison %d/%d dead-lettered, causality %d "
                        + "violations %d concurrent, %d/%d accepted while a participant was down, %d crashes, %d rolled forward, %d announced again, %d reported stalled, "
                        + "%d ended without a saga, longest stall %.1f s, recovery %.1f s: %s",
                seed, runId, durationSeconds, stripped(rate), faults.size(), load.attempted(), load.accepted(),
                terminal.confirmed(), terminal.cancelled(), lost, terminal.stuck(), terminal.lateTerminal(),
                verdict.money().doubleCharges(), stockDrift, moneyDrift.toPlainString(),
                verdict.effects().confirmedWithoutAllEffects(), verdict.effects().cancelledWithNetEffect(), unpublished,
                parked, messaging.unpublishableParked(), messaging.unpublishableInjected(),
                messaging.duplicatesDelivered(), messaging.duplicatesApplied(), messaging.poisonDeadLettered(),
                messaging.poisonInjected(), verdict.causality().violations(), verdict.causality().concurrentPairs(),
                acceptedWhileDown, attemptedWhileDown,
                verdict.evidence().crashes(), verdict.evidence().rolledForward(), verdict.evidence().reannounced(),
                verdict.evidence().reportedStalled(),
                verdict.evidence().cancelledWithoutSaga().values().stream().mapToLong(Long::longValue).sum(),
                verdict.timing().longestStallSeconds(), verdict.timing().recoverySeconds(), passed ? "PASS" : "FAIL");
    }

    private static String stripped(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
