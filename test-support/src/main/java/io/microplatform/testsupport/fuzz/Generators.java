package io.microplatform.testsupport.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid values, from which the fuzz tests build the valid requests they then break. */
public final class Generators {

    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Generators() {
    }

    /** [A-Za-z0-9][A-Za-z0-9._-]* with {@code min} to {@code max} characters ({@code min} at least 1). */
    public static Arbitrary<String> identifiers(int min, int max) {
        return Combinators.combine(Arbitraries.strings().withChars(LETTERS_AND_DIGITS).ofLength(1),
                Arbitraries.strings().withChars(LETTERS_AND_DIGITS + "._-").ofMinLength(Math.max(0, min - 1))
                        .ofMaxLength(max - 1))
                .as(String::concat);
    }

    /**
     * Printable text, letters beyond ASCII included, no control characters, not blank when {@code min} is above 0.
     * Only from the Basic Multilingual Plane, so that a length in characters is a length in UTF-16 units.
     */
    public static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().withChars(LETTERS_AND_DIGITS + " .,'-/#ÄÖÜäöüßéèçñÅØÆΣσ小林").ofMinLength(min)
                .ofMaxLength(max).filter(text -> min == 0 || !text.isBlank());
    }
}
