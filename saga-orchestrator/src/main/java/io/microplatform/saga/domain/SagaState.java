package io.microplatform.saga.domain;

import io.microplatform.support.domain.Status;
import io.microplatform.support.domain.Transitions;

/**
 * RUNNING while forward commands are outstanding; COMPENSATING once the saga turned round and undoes what applied;
 * then its end as the definition decides it: CONFIRMED (every step succeeded), CANCELLED (everything that applied was
 * compensated and the order cancelled) or FAILED (a compensation was refused or never answered: parked for a human,
 * alerting).
 */
public enum SagaState implements Status<SagaState> {
    RUNNING,
    COMPENSATING,
    CONFIRMED,
    CANCELLED,
    FAILED;

    /**
     * The table of legal transitions, all of them. A running saga never fails directly: only a compensation can fail,
     * and only compensating sagas send them.
     */
    private static final Transitions<SagaState> LEGAL = Transitions.of(SagaState.class)
            .from(RUNNING).to(COMPENSATING, CONFIRMED)
            .from(COMPENSATING).to(CANCELLED, FAILED);

    @Override
    public Transitions<SagaState> transitions() {
        return LEGAL;
    }

    /** A final state has no way out: the saga sends nothing more and has no deadline. */
    public boolean isFinal() {
        return LEGAL.isFinal(this);
    }
}
