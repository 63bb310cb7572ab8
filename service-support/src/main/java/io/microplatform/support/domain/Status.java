package io.microplatform.support.domain;

/**
 * A status enum whose legal moves are its {@link Transitions} table. The enum declares the table once and returns it
 * from {@link #transitions()}; the aggregate asks {@code status.canMoveTo(next)} and changes with
 * {@code status = status.moveTo(next)}.
 *
 * @param <S> the enum itself
 */
public interface Status<S extends Enum<S> & Status<S>> {

    Transitions<S> transitions();

    default boolean canMoveTo(S next) {
        return transitions().allows(self(), next);
    }

    /** @throws IllegalStateException for a transition the table does not list: a bug, never a business outcome */
    default S moveTo(S next) {
        return transitions().move(self(), next);
    }

    @SuppressWarnings("unchecked") // S is the enum implementing this interface, so this is an S
    private S self() {
        return (S) this;
    }
}
