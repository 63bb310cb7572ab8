package io.microplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLimitsTest {

    @Test
    void identifiersAreUrlSafeAndBounded() {
        assertThat(FieldLimits.isIdentifier("KEYBOARD-01", FieldLimits.SKU_MAX)).isTrue();
        assertThat(FieldLimits.isIdentifier("a".repeat(FieldLimits.SKU_MAX), FieldLimits.SKU_MAX)).isTrue();
        assertThat(FieldLimits.isIdentifier("a".repeat(FieldLimits.SKU_MAX + 1), FieldLimits.SKU_MAX)).isFalse();
        assertThat(FieldLimits.isIdentifier("KEY\u0007BOARD", FieldLimits.SKU_MAX)).isFalse();
        assertThat(FieldLimits.isIdentifier("KEY/BOARD", FieldLimits.SKU_MAX)).isFalse();
        assertThat(FieldLimits.isIdentifier("-KEYBOARD", FieldLimits.SKU_MAX)).isFalse();
        assertThat(FieldLimits.isIdentifier("", FieldLimits.SKU_MAX)).isFalse();
    }

    @Test
    void textIsAnythingPrintableWithinItsLength() {
        assertThat(FieldLimits.isText("Zoë O'Brien-Łukasiewicz, 3ème étage", FieldLimits.NAME_MAX)).isTrue();
        assertThat(FieldLimits.isText("x".repeat(FieldLimits.POSTAL_CODE_MAX + 1), FieldLimits.POSTAL_CODE_MAX)).isFalse();
        assertThat(FieldLimits.isText("1 Main St\u0000", FieldLimits.STREET_MAX)).isFalse();
        assertThat(FieldLimits.isText("Berlin\n", FieldLimits.CITY_MAX)).isFalse();
        assertThat(FieldLimits.isText("   ", FieldLimits.CITY_MAX)).isFalse();
    }

    @Test
    void countriesAreTwoUpperCaseLetters() {
        assertThat(FieldLimits.isCountry("DE")).isTrue();
        assertThat(FieldLimits.isCountry("de")).isFalse();
        assertThat(FieldLimits.isCountry("DEU")).isFalse();
    }
}
