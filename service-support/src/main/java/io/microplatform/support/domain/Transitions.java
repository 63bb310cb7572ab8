package io.microplatform.support.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A status enum's legal transitions as one table of data, like resilience4j's {@code CircuitBreaker.StateTransition}:
 * <pre>
 * Transitions.of(SagaState.class)
 *         .from(RUNNING).to(COMPENSATING, CONFIRMED)
 *         .from(COMPENSATING).to(CANCELLED, FAILED);
 * </pre>
 * What the table does not list is illegal: staying in a state is no transition, and a state without a row is final.
 * Plain Java, so a domain package can use it.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> states;
    private final Map<S, Set<S>> legal;

    private Transitions(Class<S> states, Map<S, Set<S>> legal) {
        this.states = states;
        this.legal = legal;
    }

    /** An empty table: every state final until {@link #from} gives it a way out. */
    public static <S extends Enum<S>> Transitions<S> of(Class<S> states) {
        return new Transitions<>(states, new EnumMap<>(states));
    }

    /** The row of one state; {@link Row#to} returns a new table with it. */
    public Row from(S state) {
        return new Row(state);
    }

    public boolean allows(S from, S to) {
        return legal.getOrDefault(from, Set.of()).contains(to);
    }

    /** A state no transition leaves. */
    public boolean isFinal(S state) {
        return !legal.containsKey(state);
    }

    /**
     * @return next, the state to hold from now on
     * @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome
     */
    public S move(S from, S next) {
        if (!allows(from, next)) {
            throw new IllegalStateException(states.getSimpleName() + " cannot go from " + from + " to " + next);
        }
        return next;
    }

    public final class Row {

        private final S state;

        private Row(S state) {
            this.state = state;
        }

        @SafeVarargs
        public final Transitions<S> to(S first, S... others) {
            Map<S, Set<S>> table = new EnumMap<>(legal);
            table.put(state, EnumSet.of(first, others));
            return new Transitions<>(states, table);
        }
    }
}
