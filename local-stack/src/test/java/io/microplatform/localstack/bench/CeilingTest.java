package io.microplatform.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** The tools' own output, as pgbench 15 and Kafka 3.9's performance tools print it. */
class CeilingTest {

    @Test
    void pgbenchTpsIsTheRateWithoutConnectionTime() {
        String output = """
                transaction type: /tmp/bench-outbox.sql
                number of clients: 16
                latency average = 2.721 ms
                initial connection time = 41.523 ms
                tps = 5879.914373 (without initial connection time)
                """;

        assertThat(Ceiling.pgbenchTps(output)).isEqualTo(5879.914373);
        assertThatIllegalStateException().isThrownBy(() -> Ceiling.pgbenchTps("connection refused"));
    }

    @Test
    void producedRateIsTheSummaryAfterTheProgressLines() {
        String output = """
                489361 records sent, 97872.2 records/sec (47.79 MB/sec), 210.3 ms avg latency, 477.0 ms max latency.
                1000000 records sent, 104025.798398 records/sec (50.79 MB/sec), 198.55 ms avg latency, 477.00 ms max latency, 190 ms 50th, 380 ms 95th, 430 ms 99th, 470 ms 99.9th.
                """;

        assertThat(Ceiling.producedPerSecond(output)).isEqualTo(104025.798398);
    }

    @Test
    void consumedRateIsTheFetchRateOfTheHeaderlessLine() {
        String output = "2026-12-07 12:50:40:075, 2026-12-07 12:50:42:010, 146.4844, 75.7026, 300000, 155038.7597, "
                + "3122, -1187, -0.1234, 173410.4046\n";

        assertThat(Ceiling.consumedPerSecond(output)).isEqualTo(173410.4046);
    }
}
