package io.microplatform.support.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microplatform.contracts.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON policy on Boot's ObjectMapper, the one every service reads Kafka messages with (messaging-support's
 * MessageJson takes it): strict on types and duplicates, and tolerant of unknown fields, so that a consumer reads the
 * messages of a newer producer during a rolling upgrade. A {@code spring.jackson.*} key cannot relax it.
 */
class JsonPolicyTest {

    private static final Path GOLDEN = Path.of("../contracts/src/test/resources/golden");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebEdgeAutoConfiguration.class))
            .withPropertyValues("spring.jackson.mapper.allow-coercion-of-scalars=true",
                    "spring.jackson.parser.strict-duplicate-detection=false");

    record Sample(String name, Integer quantity, BigDecimal amount, boolean flag) {
    }

    record Identified(UUID id) {
    }

    static Stream<Path> goldenMessages() throws IOException {
        return Files.list(GOLDEN).filter(file -> file.toString().endsWith(".json")).sorted();
    }

    /** Every message type as the contracts' golden files write it, and with a field a newer producer added. */
    @ParameterizedTest
    @MethodSource("goldenMessages")
    void readsEveryMessageTypeAlsoWithAnUnknownField(Path golden) {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ObjectNode message = (ObjectNode) json.readTree(Files.readString(golden));
            Message read = json.treeToValue(message, Message.class);
            message.put("addedByANewerProducer", "x");

            assertThat(json.readValue(json.writeValueAsString(message), Message.class)).isEqualTo(read);
            assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(Files.readString(golden)));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"name\":1}", "{\"name\":true}", "{\"quantity\":\"1\"}", "{\"quantity\":1.5}",
            "{\"amount\":\"1.50\"}", "{\"flag\":\"true\"}", "{\"flag\":0}", "{\"flag\":null}" })
    void refusesCoercionBetweenJsonTypesWhateverTheProperties(String body) {
        context.run(app -> assertThatThrownBy(() -> app.getBean(ObjectMapper.class).readValue(body, Sample.class))
                .isInstanceOf(MismatchedInputException.class));
    }

    /** Jackson's own reader trims (a NUL or space after the id passed) and reads 24 characters as Base64. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"id\":\"8b4a1310-b3ac-4832-bd5a-c601ed4fcf5d\\u0000\"}",
            "{\"id\":\" 8b4a1310-b3ac-4832-bd5a-c601ed4fcf5d\"}", "{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}",
            "{\"id\":\"8b4a1310b3ac4832bd5ac601ed4fcf5d\"}", "{\"id\":7}" })
    void readsAUuidOnlyInItsCanonicalForm(String body) {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThatThrownBy(() -> json.readValue(body, Identified.class))
                    .isInstanceOf(MismatchedInputException.class);
            assertThat(json.readValue("{\"id\":\"8B4A1310-b3ac-4832-bd5a-c601ed4fcf5d\"}", Identified.class).id())
                    .isEqualTo(UUID.fromString("8b4a1310-b3ac-4832-bd5a-c601ed4fcf5d"));
        });
    }

    @Test
    void readsAnIntegerAsADecimalAndIgnoresUnknownFields() {
        context.run(app -> assertThat(app.getBean(ObjectMapper.class)
                .readValue("{\"amount\":5,\"flag\":true,\"unknown\":[1]}", Sample.class))
                .isEqualTo(new Sample(null, null, new BigDecimal("5"), true)));
    }

    @Test
    void refusesAKeyTwiceAndBodiesBeyondItsLimits() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);

            assertThatThrownBy(() -> json.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonParseException.class)
                    .hasMessageContaining("Duplicate field 'a'");
            assertThatThrownBy(() -> json.readTree("[".repeat(JsonPolicy.MAX_NESTING_DEPTH + 1)))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThatThrownBy(() -> json.readTree("\"" + "x".repeat(3 * JsonPolicy.MAX_STRING_LENGTH) + "\""))
                    .isInstanceOf(StreamConstraintsException.class);
            assertThat(json.readTree(List.of("x".repeat(JsonPolicy.MAX_STRING_LENGTH)).toString().replace("[", "[\"")
                    .replace("]", "\"]")).path(0).asText()).hasSize(JsonPolicy.MAX_STRING_LENGTH);
            assertThatThrownBy(() -> json.readTree("{\"a\":1} {}")).isInstanceOf(MismatchedInputException.class);
        });
    }
}
