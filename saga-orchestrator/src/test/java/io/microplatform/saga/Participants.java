package io.microplatform.saga;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.OrderMessages.OrderCancelled;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.Topics;
import io.microplatform.contracts.VectorClock;
import io.microplatform.testsupport.TopicTail;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Plays order-service and the three participants for the orchestrator under test: reads every command from the
 * command topics (from the moment it was opened, outside any consumer group) and writes OrderPlaced and replies as
 * JSON, the way the real services do. A test class opens them for each test with
 * <pre>
 * &#64;RegisterExtension
 * final Participants participants = Participants.eachTest();
 * </pre>
 */
final class Participants implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    static final List<OrderLine> LINES = List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90")));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final List<String> COMMAND_TOPICS = List.of(Topics.INVENTORY_COMMANDS, Topics.PAYMENT_COMMANDS,
            Topics.SHIPPING_COMMANDS, Topics.ORDER_COMMANDS);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<Command> received = new CopyOnWriteArrayList<>();
    private final Map<UUID, VectorClock> clocks = new ConcurrentHashMap<>();
    private String bootstrapServers;
    private TopicTail commands;
    private KafkaProducer<String, String> producer;

    /** Open from now until closed. */
    Participants(String bootstrapServers) {
        open(bootstrapServers);
    }

    private Participants() {
    }

    /** Open from the start of each test to its end, on the broker of the test's Spring context. */
    static Participants eachTest() {
        return new Participants();
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        received.clear();
        clocks.clear();
        open(TopicTail.bootstrapServers(test));
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }

    private void open(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        commands = new TopicTail(bootstrapServers, COMMAND_TOPICS);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static OrderPlaced placed(UUID orderId, String customerId) {
        return new OrderPlaced(UUID.randomUUID(), orderId, customerId, LINES, new BigDecimal("4.99"),
                new BigDecimal("104.79"), ADDRESS);
    }

    /** Order-service's part: publish OrderPlaced or OrderStalled on order-events. */
    RecordMetadata publish(Message orderEvent) {
        return send(Topics.ORDER_EVENTS, orderEvent, null);
    }

    /** An order of alice's placed: publishes its OrderPlaced and returns the command its saga starts with. */
    ReserveStock placeOrder(UUID orderId) {
        publish(placed(orderId, "alice"));
        return awaitCommand(ReserveStock.class, orderId);
    }

    RecordMetadata reply(Reply reply) {
        return send(Topics.SAGA_REPLIES, reply, null);
    }

    /** A reply carrying the participant's vector clock in its header, as messaging-support's relay sends it. */
    RecordMetadata reply(Reply reply, VectorClock clock) {
        return send(Topics.SAGA_REPLIES, reply, clock);
    }

    /** Every command record received for the order, re-sends included, in the order they arrived. */
    List<Command> commandsFor(UUID orderId) {
        commands.pollNew().forEach(record -> {
            Command command = read(TopicTail.value(record));
            received.add(command);
            clocks.putIfAbsent(command.messageId(), VectorClock.parse(TopicTail.header(record, VectorClock.HEADER)));
        });
        return received.stream().filter(command -> command.orderId().equals(orderId)).toList();
    }

    /** The vector clock in the header of the first record of {@code command} (empty when it had none). */
    VectorClock clockOf(Command command) {
        return clocks.get(command.messageId());
    }

    /** The commands for the order, each message id once, in the order they were first sent. */
    List<Command> distinctCommandsFor(UUID orderId) {
        Map<UUID, Command> distinct = new LinkedHashMap<>();
        commandsFor(orderId).forEach(command -> distinct.putIfAbsent(command.messageId(), command));
        return List.copyOf(distinct.values());
    }

    /** Waits for the first command of {@code type} for the order. */
    <T extends Command> T awaitCommand(Class<T> type, UUID orderId) {
        return Awaitility.await().atMost(PATIENCE)
                .until(() -> commandsFor(orderId).stream().filter(type::isInstance).map(type::cast).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    /** Payment and shipping both succeeding: answers the charge, then the shipment, and returns the confirmation asked next. */
    ConfirmOrder chargeAndShip(UUID orderId) {
        ChargePayment charge = awaitCommand(ChargePayment.class, orderId);
        reply(new PaymentCharged(UUID.randomUUID(), orderId, charge.messageId()));
        CreateShipment ship = awaitCommand(CreateShipment.class, orderId);
        reply(new ShipmentCreated(UUID.randomUUID(), orderId, ship.messageId()));
        return awaitCommand(ConfirmOrder.class, orderId);
    }

    /** Inventory and order-service undoing the order: answers the ReleaseStock, then the CancelOrder it returns. */
    CancelOrder releaseAndCancel(UUID orderId) {
        ReleaseStock release = awaitCommand(ReleaseStock.class, orderId);
        reply(new StockReleased(UUID.randomUUID(), orderId, release.messageId()));
        CancelOrder cancel = awaitCommand(CancelOrder.class, orderId);
        reply(new OrderCancelled(UUID.randomUUID(), orderId, cancel.messageId()));
        return cancel;
    }

    /** Waits until the orchestrator's consumer group committed past {@code sent}: the record was handled. */
    void awaitHandled(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await().atMost(PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("saga-orchestrator")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private RecordMetadata send(String topic, Message message, VectorClock clock) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.orderId().toString(),
                    JSON.writeValueAsString(message));
            if (clock != null) {
                record.headers().add(VectorClock.HEADER, clock.toString().getBytes(StandardCharsets.UTF_8));
            }
            return producer.send(record).get();
        } catch (JsonProcessingException | ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Command read(String json) {
        try {
            return (Command) JSON.readValue(json, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable command " + json, e);
        }
    }

    @Override
    public void close() {
        if (commands != null) {
            commands.close();
            producer.close(Duration.ZERO);
            commands = null;
            producer = null;
        }
    }
}
