package io.microplatform.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutArgumentsTheDefaultsWriteUnderBenchResults() {
        BenchOptions options = BenchOptions.parse(List.of(), ROOT);

        assertThat(options).isEqualTo(BenchOptions.defaults(ROOT));
        assertThat(options.output()).isEqualTo(Path.of("/repo/bench/results"));
    }

    @Test
    void readsEveryOptionWithASpaceOrAnEqualsSign() {
        BenchOptions options = BenchOptions.parse(List.of("--warmup", "10s", "--step=20s", "--start-rate", "5",
                "--rate-step=2.5", "--max-rate", "50", "--customers", "10", "--items=4", "--out", "tmp/b"), ROOT);

        assertThat(options).isEqualTo(new BenchOptions(Duration.ofSeconds(10), Duration.ofSeconds(20), 5, 2.5, 50, 10,
                4, Path.of("/repo/tmp/b")));
    }

    @Test
    void namesTheArgumentThatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--rate", "5"), ROOT))
                .withMessageContaining("'--rate'");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--step", "fast"), ROOT))
                .withMessageContaining("--step");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--step", "2s"), ROOT))
                .withMessageContaining("at least 5s");
        assertThatIllegalArgumentException().isThrownBy(
                        () -> BenchOptions.parse(List.of("--start-rate", "50", "--max-rate", "10"), ROOT))
                .withMessageContaining("--max-rate");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--items"), ROOT))
                .withMessageContaining("needs a value");
    }
}
