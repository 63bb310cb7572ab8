package io.microplatform.order.client;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PriceCacheTest {

    @Test
    void keepsAPriceForItsMaximumAgeAndNoLonger() {
        PriceCache cache = new PriceCache(new ClientProperties.PriceCache(Duration.ofMillis(200), 10));

        cache.put("KEYBOARD-01", new BigDecimal("49.90"));

        assertThat(cache.fresh("KEYBOARD-01")).contains(new BigDecimal("49.90"));
        assertThat(cache.fresh("MOUSE-01")).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> cache.fresh("KEYBOARD-01").isEmpty());
    }
}
