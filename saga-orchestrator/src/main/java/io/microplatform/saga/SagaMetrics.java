package io.microplatform.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.domain.SagaStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga's meters in one place. Counters count in the instance that made the change, and only once its
 * transaction committed (a change rolled back by a version conflict is retried and would count twice). The gauges
 * count sagas in the database, so every instance reports the same value: alert on max(), not sum().
 */
@Component
class SagaMetrics implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SagaMetrics.class);

    private final MeterRegistry registry;
    private final SagaRepository sagas;
    private final SagaProperties properties;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    // seconds, kept as millis so the gauge shows sub-second ages in tests
    private final AtomicLong oldestInFlightMillis = new AtomicLong();
    private final Clock clock;

    SagaMetrics(MeterRegistry registry, SagaRepository sagas, SagaProperties properties, Clock clock) {
        this.registry = registry;
        this.sagas = sagas;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("saga.in.flight", inFlight, AtomicLong::get)
                .description("Sagas RUNNING or COMPENSATING")
                .register(registry);
        Gauge.builder("saga.failed.current", failed, AtomicLong::get)
                .description("Sagas parked as FAILED after a compensation kept failing; each needs a human. Alert when > 0")
                .register(registry);
        Gauge.builder("saga.oldest.in.flight.age", oldestInFlightMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest saga RUNNING or COMPENSATING (0 when none): compare with the saga deadline")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refreshGauges, properties.gaugeRefreshInterval());
    }

    void refreshGauges() {
        try {
            inFlight.set(sagas.countIn(EnumSet.of(SagaState.RUNNING, SagaState.COMPENSATING)));
            failed.set(sagas.countIn(EnumSet.of(SagaState.FAILED)));
            oldestInFlightMillis.set(sagas.oldestStartIn(EnumSet.of(SagaState.RUNNING,
                    SagaState.COMPENSATING)).map(oldest -> Math.max(0, Duration.between(oldest, clock.instant())
                    .toMillis())).orElse(0L));
        } catch (RuntimeException e) {
            // keep the last values; an exception would end the schedule
            log.warn("Could not count sagas for the gauges: {}", e.toString());
        }
    }

    void started() {
        afterCommit(() -> Counter.builder("saga.started").register(registry).increment());
    }

    /** order-service reported an order stalled that has a saga: nothing to do. */
    void stalledIgnored() {
        afterCommit(() -> Counter.builder("saga.stalled.ignored")
                .description("OrderStalled for an order that has a saga: the saga goes on as it is")
                .register(registry)
                .increment());
    }

    /** A saga that only cancels an order that never had one: TIMED_OUT (stalled) or REJECTED (invalid OrderPlaced). */
    void cancelOnlyStarted(CancellationReason reason) {
        afterCommit(() -> Counter.builder("saga.cancel.only")
                .description("Sagas started only to cancel an order that had none (stalled or invalid OrderPlaced)")
                .tag("reason", reason.name())
                .register(registry)
                .increment());
    }

    void replyIgnored(String replyType) {
        afterCommit(() -> Counter.builder("saga.replies.ignored")
                .description("Replies that did not answer the saga's outstanding command (duplicate, late, other step)")
                .tag("type", replyType)
                .register(registry)
                .increment());
    }

    /**
     * A command got its answer, or was given up after its last re-send: the time from its first send, tagged with the
     * step (a compensation carries its forward step's name), the direction and the outcome (SUCCEEDED, FAILED,
     * TIMED_OUT).
     */
    void stepEnded(SagaStep step, Instant now) {
        Duration latency = Duration.between(step.sentAt(), step.repliedAt() != null ? step.repliedAt() : now);
        String name = step.name();
        String direction = step.direction().name();
        String outcome = step.outcome().name();
        afterCommit(() -> Timer.builder("saga.step.duration")
                .description("From a saga command's first send to its accepted reply or to giving it up")
                .tag("step", name)
                .tag("direction", direction)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency));
    }

    /** The saga sent the compensation of {@code step} (its first send; re-sends are not counted). */
    void compensationSent(String step) {
        afterCommit(() -> Counter.builder("saga.compensations")
                .description("Compensating commands sent, by the step they undo")
                .tag("step", step)
                .register(registry)
                .increment());
    }

    /** {@code saga} just reached a final state. */
    void ended(Saga saga) {
        SagaState state = saga.state();
        Duration duration = Duration.between(saga.createdAt(), saga.updatedAt());
        afterCommit(() -> {
            switch (state) {
                case CONFIRMED -> Counter.builder("saga.confirmed").register(registry).increment();
                case CANCELLED -> Counter.builder("saga.cancelled")
                        .tag("reason", saga.reason().map(Enum::name).orElse("UNKNOWN"))
                        .register(registry)
                        .increment();
                case FAILED -> {
                    Counter.builder("saga.failed").description("Sagas parked as FAILED").register(registry).increment();
                    // shown at once rather than at the next refresh
                    failed.incrementAndGet();
                }
                default -> throw new IllegalStateException("not a final state: " + state);
            }
            Timer.builder("saga.duration")
                    .description("From OrderPlaced to the saga's end")
                    .tag("state", state.name())
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(duration);
        });
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
