package io.microplatform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.contracts.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JsonDeserializer;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.validation.Validator;

/**
 * The wire format: JSON whose {@code "type"} property carries the logical type id declared on {@link Message}.
 * Java class names never travel: no type headers are written and none are read.
 */
final class MessageJson {

    /**
     * Throws rather than filling in Errors: the deserializer would turn those into a plain IllegalStateException,
     * which the dead-letter reason could not tell from any other failure.
     */
    private static final Validator CONTRACT = Validator.forInstanceOf(Message.class, (message, errors) -> {
        List<String> violations = message.violations();
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(message, violations);
        }
    });

    private final ObjectMapper mapper;

    /**
     * @param mapper the application's ObjectMapper, with Boot's Jackson settings and modules. It needs nothing extra:
     *        Jackson reads a decimal into a BigDecimal from its text, so 49.90 keeps its scale (MessageJsonTest)
     */
    MessageJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Encoded encode(Message message) {
        try {
            String json = mapper.writeValueAsString(message);
            return new Encoded(mapper.readTree(json).path("type").asText(), json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Messages as JSON; byte arrays as they are: the outbox sends the JSON it stored at send time, and the
     * dead-letter publisher sends the original bytes of a record that could not be read.
     */
    Serializer<Object> valueSerializer() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        // set on the serializer rather than as spring.json.add.type.headers, so no property can turn type headers
        // on: a Java class name on the wire would tie every consumer to the producer's classes
        delegates.put(Message.class, new JsonSerializer<Message>(mapper).noTypeInfo());
        return new DelegatingByTypeSerializer(delegates, true);
    }

    /**
     * A record that is not JSON, has no type id or an unknown one, or reads as its type but breaks the type's contract
     * ({@link Message#violations()}) becomes a DeserializationException for the error handler, which dead-letters it
     * without retrying, instead of failing the poll loop on every attempt or reaching a handler.
     */
    Deserializer<Message> valueDeserializer() {
        ErrorHandlingDeserializer<Message> reader = new ErrorHandlingDeserializer<>(
                new JsonDeserializer<>(Message.class, mapper, false));
        reader.setValidator(CONTRACT);
        return reader;
    }

    record Encoded(String type, String json) {
    }
}
