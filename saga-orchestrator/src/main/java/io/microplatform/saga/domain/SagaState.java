package io.microplatform.saga.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * RUNNING while forward commands are outstanding; COMPENSATING once the saga turned round and undoes what applied;
 * then its end as the definition decides it: CONFIRMED (every step succeeded), CANCELLED (everything that applied was
 * compensated and the order cancelled) or FAILED (a compensation kept failing: parked for a human, alerting).
 */
public enum SagaState {
    RUNNING,
    COMPENSATING,
    CONFIRMED,
    CANCELLED,
    FAILED;

    /**
     * Every legal change of state, after resilience4j's CircuitBreaker.StateTransition: anything else is a bug in the
     * orchestrator, so it throws instead of writing a state no one can explain. Staying in a state is not a change.
     * A running saga never fails directly: only a compensation can fail, and only compensating sagas send them.
     */
    private static final Map<SagaState, Set<SagaState>> LEGAL = new EnumMap<>(Map.of(
            RUNNING, EnumSet.of(COMPENSATING, CONFIRMED),
            COMPENSATING, EnumSet.of(CANCELLED, FAILED)));

    public boolean canChangeTo(SagaState target) {
        return LEGAL.getOrDefault(this, Set.of()).contains(target);
    }

    /** @throws IllegalStateException for a change the table does not list */
    public SagaState changeTo(SagaState target) {
        if (!canChangeTo(target)) {
            throw new IllegalStateException("Illegal saga state transition " + this + " -> " + target);
        }
        return target;
    }

    /** A final state has no way out: the saga sends nothing more and has no deadline. */
    public boolean isFinal() {
        return !LEGAL.containsKey(this);
    }
}
