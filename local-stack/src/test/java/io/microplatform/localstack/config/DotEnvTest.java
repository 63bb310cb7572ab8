package io.microplatform.localstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microplatform.localstack.console.PlatformException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void readsKeyValueLinesSkippingCommentsAndBlankLines() {
        Map<String, String> values = DotEnv.parse(List.of(
                "# ports", "", "ORDER_SERVICE_PORT=8081", "  KAFKA_PORT = 19092  ", "export POSTGRES_PORT=15432"), ".env");

        assertThat(values).containsExactly(Map.entry("ORDER_SERVICE_PORT", "8081"), Map.entry("KAFKA_PORT", "19092"),
                Map.entry("POSTGRES_PORT", "15432"));
    }

    @Test
    void unquotesValuesAndDropsTrailingCommentsOfUnquotedOnes() {
        Map<String, String> values = DotEnv.parse(List.of(
                "A=\"two words\"", "B='# not a comment'", "C=8081 # the order service", "D=a#b"), ".env");

        assertThat(values).containsEntry("A", "two words").containsEntry("B", "# not a comment")
                .containsEntry("C", "8081").containsEntry("D", "a#b");
    }

    @Test
    void environmentVariablesOfTheSameNameWin() {
        Map<String, String> merged = DotEnv.withOverrides(Map.of("ORDER_SERVICE_PORT", "8081", "KAFKA_PORT", "19092"),
                Map.of("ORDER_SERVICE_PORT", "28081", "UNRELATED", "x"));

        assertThat(merged).isEqualTo(Map.of("ORDER_SERVICE_PORT", "28081", "KAFKA_PORT", "19092"));
    }

    @Test
    void namesTheLineThatIsNotKeyValue() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("A=1", "just words"), ".env"))
                .isInstanceOf(PlatformException.class).hasMessage(".env line 2 is not KEY=VALUE: just words");
    }
}
