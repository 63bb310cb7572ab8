package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * For the unit test of a status enum's transition table ({@code canMoveTo}, {@code moveTo}): every pair of states is
 * tried, so a test names the legal transitions and proves that every other one throws.
 */
public final class StateMachines {

    private StateMachines() {
    }

    /**
     * @return the transitions {@code canMoveTo} allows, as "FROM->TO" in declaration order, after asserting that
     *         {@code moveTo} throws IllegalStateException for every other pair, staying in a state included
     */
    public static <S extends Enum<S>> List<String> legalTransitions(Class<S> states, BiPredicate<S, S> canMoveTo,
            BiConsumer<S, S> moveTo) {
        List<String> legal = new ArrayList<>();
        for (S from : states.getEnumConstants()) {
            for (S to : states.getEnumConstants()) {
                if (canMoveTo.test(from, to)) {
                    legal.add(from + "->" + to);
                } else {
                    assertThatIllegalStateException().as("%s->%s", from, to).isThrownBy(() -> moveTo.accept(from, to))
                            .withMessageContaining(from + " to " + to);
                }
            }
        }
        return legal;
    }
}
