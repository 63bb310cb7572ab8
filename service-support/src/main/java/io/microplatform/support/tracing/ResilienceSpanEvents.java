package io.microplatform.support.tracing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.Registry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Subscribes to the events of every instance of a registry, including instances created later (order-service
 * creates its instances by name when its clients are built), and writes each decision on the span current on the
 * thread that made it: the call's own client or server span. Decisions made off any span (a breaker moving to
 * HALF_OPEN on resilience4j's scheduler) have no trace to join and are left to the metrics.
 */
final class ResilienceSpanEvents {

    // a service may have some of resilience4j's modules and not others: testing a registry against the type of a
    // missing module would fail to load it, so each test is made only where its module is on the classpath
    private static final boolean CIRCUIT_BREAKERS =
            isPresent("io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry");
    private static final boolean RETRIES = isPresent("io.github.resilience4j.retry.RetryRegistry");
    private static final boolean BULKHEADS = isPresent("io.github.resilience4j.bulkhead.BulkheadRegistry");
    private static final boolean TIME_LIMITERS = isPresent("io.github.resilience4j.timelimiter.TimeLimiterRegistry");

    /** Looked up on the first event once it exists, then kept: events come with every call through resilience4j. */
    private final SingletonSupplier<Tracer> tracer;

    private ResilienceSpanEvents(ObjectProvider<Tracer> tracer) {
        this.tracer = SingletonSupplier.of(tracer::getIfUnique);
    }

    static ResilienceSpanEvents of(ObjectProvider<Tracer> tracer) {
        return new ResilienceSpanEvents(tracer);
    }

    /** A registry of a pattern it does not trace (rate limiters, thread pool bulkheads) is left alone. */
    void observe(Registry<?, ?> registry) {
        if (CIRCUIT_BREAKERS && registry instanceof CircuitBreakerRegistry breakers) {
            forEachInstance(breakers, breakers.getAllCircuitBreakers(), this::observe);
        } else if (RETRIES && registry instanceof RetryRegistry retries) {
            forEachInstance(retries, retries.getAllRetries(), this::observe);
        } else if (BULKHEADS && registry instanceof BulkheadRegistry bulkheads) {
            forEachInstance(bulkheads, bulkheads.getAllBulkheads(), this::observe);
        } else if (TIME_LIMITERS && registry instanceof TimeLimiterRegistry timeLimiters) {
            forEachInstance(timeLimiters, timeLimiters.getAllTimeLimiters(), this::observe);
        }
    }

    private void observe(CircuitBreaker breaker) {
        String name = breaker.getName();
        breaker.getEventPublisher()
                .onStateTransition(event -> onCurrentSpan(span -> span
                        .tag("resilience4j.circuitbreaker." + name + ".state", event.getStateTransition().getToState().name())
                        .event("circuit breaker " + name + " " + event.getStateTransition().getFromState() + " -> "
                                + event.getStateTransition().getToState())))
                .onCallNotPermitted(event -> onCurrentSpan(span -> span
                        .tag("resilience4j.circuitbreaker." + name + ".state", breaker.getState().name())
                        .event("circuit breaker " + name + " did not permit the call (" + breaker.getState() + ")")));
    }

    private void observe(Retry retry) {
        String name = retry.getName();
        retry.getEventPublisher()
                .onRetry(event -> onCurrentSpan(span -> span
                        .tag("resilience4j.retry." + name + ".attempts", Integer.toString(event.getNumberOfRetryAttempts()))
                        .event("retry " + name + " attempt " + (event.getNumberOfRetryAttempts() + 1) + " after "
                                + describe(event.getLastThrowable()))))
                .onError(event -> onCurrentSpan(span -> span
                        .event("retry " + name + " gave up after " + event.getNumberOfRetryAttempts() + " attempts: "
                                + describe(event.getLastThrowable()))));
    }

    private void observe(Bulkhead bulkhead) {
        String name = bulkhead.getName();
        bulkhead.getEventPublisher().onCallRejected(event -> onCurrentSpan(span -> span
                .tag("resilience4j.bulkhead." + name + ".rejected", "true")
                .event("bulkhead " + name + " full, call rejected")));
    }

    /** Recorded on the thread that waited, the caller's: the call itself may still be running on its worker. */
    private void observe(TimeLimiter timeLimiter) {
        String name = timeLimiter.getName();
        timeLimiter.getEventPublisher().onTimeout(event -> onCurrentSpan(span -> span
                .tag("resilience4j.timelimiter." + name + ".timed-out", "true")
                .event("time limiter " + name + " stopped waiting after "
                        + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms")));
    }

    /** The instances there are, and every one added or replaced later. */
    private static <E> void forEachInstance(Registry<E, ?> registry, Collection<E> existing, Consumer<E> observer) {
        existing.forEach(observer);
        registry.getEventPublisher().onEntryAdded(added -> observer.accept(added.getAddedEntry()));
        registry.getEventPublisher().onEntryReplaced(replaced -> observer.accept(replaced.getNewEntry()));
    }

    private void onCurrentSpan(Consumer<Span> write) {
        Tracer current = tracer.get();
        Span span = current == null ? null : current.currentSpan();
        if (span != null && !span.isNoop()) {
            write.accept(span);
        }
    }

    private static boolean isPresent(String className) {
        return ClassUtils.isPresent(className, ResilienceSpanEvents.class.getClassLoader());
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no exception" : failure.getClass().getSimpleName();
    }
}
