package io.microplatform.saga.domain;

/**
 * RUNNING while forward commands are outstanding; COMPENSATING once the saga turned round and undoes what applied;
 * then its end as the definition decides it: CONFIRMED (every step succeeded), CANCELLED (everything that applied was
 * compensated and the order cancelled) or FAILED (a compensation was refused or never answered: parked for a human,
 * alerting).
 */
public enum SagaState {
    RUNNING,
    COMPENSATING,
    CONFIRMED,
    CANCELLED,
    FAILED;

    /**
     * The table of legal transitions, all of them; staying in a state is none. A running saga never fails directly:
     * only a compensation can fail, and only compensating sagas send them.
     */
    public boolean canMoveTo(SagaState next) {
        return switch (this) {
            case RUNNING -> next == COMPENSATING || next == CONFIRMED;
            case COMPENSATING -> next == CANCELLED || next == FAILED;
            case CONFIRMED, CANCELLED, FAILED -> false;
        };
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug in the orchestrator */
    public SagaState moveTo(SagaState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("A saga cannot go from " + this + " to " + next);
        }
        return next;
    }

    /** A final state has no way out: the saga sends nothing more and has no deadline. */
    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED || this == FAILED;
    }
}
