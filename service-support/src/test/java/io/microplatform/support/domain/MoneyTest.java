package io.microplatform.support.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsExactlyTwoDecimals() {
        assertThat(Money.exact(new BigDecimal("49.9"))).hasToString("49.90");
        assertThat(Money.exact(new BigDecimal("12"))).hasToString("12.00");
        assertThat(Money.exact(new BigDecimal("3.500"))).hasToString("3.50");
    }

    @Test
    void refusesToRoundAThirdDecimalAway() {
        assertThatThrownBy(() -> Money.exact(new BigDecimal("0.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesANegativeAmountNamingIt() {
        assertThat(Money.nonNegative("balance", BigDecimal.ZERO)).hasToString("0.00");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.nonNegative("balance", new BigDecimal("-0.01")))
                .withMessage("balance must not be negative: -0.01");
    }
}
