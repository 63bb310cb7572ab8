package io.microplatform.saga.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void givesAForwardStepUpAfterTheWaitsOfAllItsSends() {
        RetryPolicy defaults = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), 3, 10);
        RetryPolicy capped = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(15), 3, 10);

        assertThat(defaults.giveUpAfter()).isEqualTo(Duration.ofSeconds(10 + 20 + 40));
        assertThat(capped.giveUpAfter()).isEqualTo(Duration.ofSeconds(10 + 15 + 15));
    }
}
