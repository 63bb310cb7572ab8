package io.microplatform.saga.persistence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.Position;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.domain.SagaStep;
import io.microplatform.saga.domain.StepOutcome;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The mapping against the real schema that Flyway's migrations create in PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@EmbeddedInfrastructure
class SagaRepositoryIT {

    // microseconds: what PostgreSQL's timestamptz keeps
    private static final Instant STARTED_AT = Instant.parse("2025-11-26T10:15:30.123456Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), 3, 10);
    private static final OrderDetails ORDER = new OrderDetails("alice",
            List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90")),
                    new OrderedItem("MOUSE-02", 1, new BigDecimal("19.99"))),
            new BigDecimal("124.78"), new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

    @Autowired
    private SagaRepository sagas;

    @Autowired
    private TestEntityManager entityManager;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesANewSagaWithItsOrderAndFirstCommandAndLoadsItBack() {
        UUID orderId = UUID.randomUUID();
        Saga started = sagas.add(Saga.start(orderId, ORDER, POLICY, STARTED_AT));
        OutgoingCommand first = started.outstandingCommand().orElseThrow();
        entityManager.flush();
        entityManager.clear();

        Saga loaded = sagas.withHistoryOfOrder(orderId).orElseThrow();

        assertThat(loaded.state()).isEqualTo(SagaState.RUNNING);
        assertThat(loaded.position()).isEqualTo(new Position(1, Direction.FORWARD));
        assertThat(loaded.version()).isZero();
        assertThat(loaded.createdAt()).isEqualTo(STARTED_AT);
        assertThat(loaded.order()).contains(ORDER);
        assertThat(loaded.outstandingCommand()).contains(first);
        assertThat(loaded.deadline()).contains(STARTED_AT.plusSeconds(10));
        assertThat(loaded.steps()).singleElement().satisfies(step -> {
            assertThat(step.command()).isEqualTo(SagaCommand.RESERVE_STOCK);
            assertThat(step.commandId()).isEqualTo(first.commandId());
            assertThat(step.outcome()).isEqualTo(StepOutcome.PENDING);
        });
        assertThat(jdbc.queryForMap("select state, current_step, direction, outstanding_command from sagas"
                + " where order_id = ?", orderId)).isEqualTo(Map.of("state", "RUNNING", "current_step", 1,
                        "direction", "FORWARD", "outstanding_command", "RESERVE_STOCK"));
    }

    @Test
    void keepsTheHistoryInOrderAndBumpsTheVersionOnEveryChange() {
        UUID orderId = UUID.randomUUID();
        Saga saga = sagas.add(Saga.start(orderId, ORDER, POLICY, STARTED_AT));
        entityManager.flush();
        OutgoingCommand reserve = saga.outstandingCommand().orElseThrow();
        saga.replied(new ReceivedReply(orderId, reserve.commandId(), SagaCommand.RESERVE_STOCK, false,
                "inventory.StockUnavailable"), POLICY, STARTED_AT.plusSeconds(1));
        entityManager.flush();
        entityManager.clear();

        Saga loaded = sagas.withHistoryOfOrder(orderId).orElseThrow();

        assertThat(loaded.version()).isOne();
        assertThat(loaded.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(loaded.steps()).extracting(SagaStep::seq, SagaStep::command, SagaStep::replyType, SagaStep::outcome)
                .containsExactly(
                        tuple(0, SagaCommand.RESERVE_STOCK, "inventory.StockUnavailable",
                                StepOutcome.FAILED),
                        tuple(1, SagaCommand.CANCEL_ORDER, null, StepOutcome.PENDING));
    }

    @Test
    void findsDueSagasMostOverdueFirst() {
        UUID later = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        sagas.add(Saga.start(later, ORDER, POLICY, STARTED_AT.minus(Duration.ofDays(3650))));
        sagas.add(Saga.start(earlier, ORDER, POLICY, STARTED_AT.minus(Duration.ofDays(3651))));
        entityManager.flush();

        assertThat(sagas.dueAt(STARTED_AT.minus(Duration.ofDays(3649)), 1000)).containsSubsequence(earlier, later);
        assertThat(sagas.dueAt(STARTED_AT.minus(Duration.ofDays(3652)), 1000)).doesNotContain(earlier, later);
    }

    /** Other tests' sagas may share the database: these start long before and long after any of theirs. */
    @Test
    void listsTheOldestInAStateAndTheNewestOfAllAndCountsThemByState() {
        long runningBefore = sagas.countIn(List.of(SagaState.RUNNING));
        Saga oldest = sagas.add(Saga.start(UUID.randomUUID(), ORDER, POLICY, Instant.parse("2000-01-01T00:00:00Z")));
        Saga older = sagas.add(Saga.start(UUID.randomUUID(), ORDER, POLICY, Instant.parse("2000-01-02T00:00:00Z")));
        Saga newest = sagas.add(Saga.start(UUID.randomUUID(), ORDER, POLICY, Instant.parse("2100-01-01T00:00:00Z")));

        assertThat(sagas.oldest100In(SagaState.RUNNING)).startsWith(oldest, older);
        assertThat(sagas.oldest100In(SagaState.COMPENSATING)).doesNotContain(oldest, older, newest);
        assertThat(sagas.newest100()).startsWith(newest).hasSizeLessThanOrEqualTo(100);
        assertThat(sagas.countIn(List.of(SagaState.RUNNING))).isEqualTo(runningBefore + 3);
        assertThat(sagas.hasSaga(older.orderId())).isTrue();
        assertThat(sagas.hasSaga(UUID.randomUUID())).isFalse();
    }

    @Test
    void refusesASecondSagaForTheSameOrder() {
        UUID orderId = UUID.randomUUID();
        sagas.add(Saga.start(orderId, ORDER, POLICY, STARTED_AT));
        entityManager.flush();
        entityManager.clear();

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() ->
                jdbc.update("insert into sagas (order_id, state, current_step, direction, version, created_at,"
                        + " updated_at, attempts, outstanding_command_id, outstanding_command, deadline, customer_id,"
                        + " total, ship_to_name, ship_to_street, ship_to_city, ship_to_postal_code, ship_to_country)"
                        + " values (?, 'RUNNING', 1, 'FORWARD', 0, now(), now(), 1, gen_random_uuid(), 'RESERVE_STOCK',"
                        + " now(), 'bob', 1.00, 'B', 'S', 'C', '1', 'DE')", orderId));
    }

    @Test
    void storesASagaThatOnlyCancelsWithoutItsOrder() {
        UUID orderId = UUID.randomUUID();
        sagas.add(Saga.cancelOnly(orderId, CancellationReason.REJECTED, POLICY, STARTED_AT));
        entityManager.flush();
        entityManager.clear();

        Saga loaded = sagas.withHistoryOfOrder(orderId).orElseThrow();

        assertThat(loaded.order()).isEmpty();
        assertThat(loaded.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(loaded.reason()).contains(CancellationReason.REJECTED);
        assertThat(loaded.position()).isEqualTo(new Position(0, Direction.BACKWARD));
        assertThat(loaded.outstandingCommand()).hasValueSatisfying(command -> {
            assertThat(command.command()).isEqualTo(SagaCommand.CANCEL_ORDER);
            assertThat(command.order()).isEmpty();
        });
    }

    /** Each row breaks one CHECK of the schema, which names it: what the code must never write, the database refuses. */
    @ParameterizedTest(name = "{2}: {0} / {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'COMPENSATING', 0, 'BACKWARD', 'TIMED_OUT'   | 'bob', NULL, 'B', 'S', 'C', '1', 'DE'  | sagas_order_whole_or_missing
            'RUNNING', 1, 'FORWARD', NULL                | NULL, NULL, NULL, NULL, NULL, NULL, NULL | sagas_without_order_only_cancel
            'COMPENSATING', 2, 'BACKWARD', 'TIMED_OUT'   | NULL, NULL, NULL, NULL, NULL, NULL, NULL | sagas_without_order_only_cancel
            'COMPENSATING', 0, 'BACKWARD', 'OUT_OF_STOCK' | NULL, NULL, NULL, NULL, NULL, NULL, NULL | sagas_without_order_only_cancel
            'COMPENSATING', 0, 'BACKWARD', 'REJECTED'    | 'bob', 1.00, 'B', 'S', 'C', '1', 'DE'  | sagas_rejected_without_order
            'COMPENSATING', 0, 'BACKWARD', 'BORED'       | 'bob', 1.00, 'B', 'S', 'C', '1', 'DE'  | sagas_reason_known
            """)
    void refusesWhatOnlyASagaThatCancelsMayLack(String position, String order, String constraint) {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert(position, order))
                .withMessageContaining(constraint);
    }

    /** A waiting saga as raw SQL: {@code position} is state, current_step, direction, reason; {@code order} its 7 columns. */
    private void insert(String position, String order) {
        jdbc.update("insert into sagas (order_id, state, current_step, direction, reason, version, created_at, updated_at,"
                + " attempts, outstanding_command_id, outstanding_command, deadline, customer_id, total, ship_to_name,"
                + " ship_to_street, ship_to_city, ship_to_postal_code, ship_to_country) values (gen_random_uuid(), "
                + position + ", 0, now(), now(), 1, gen_random_uuid(), 'CANCEL_ORDER', now(), " + order + ")");
    }

    @Test
    void refusesARunningSagaWithoutADeadline() {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() ->
                jdbc.update("insert into sagas (order_id, state, current_step, direction, version, created_at,"
                        + " updated_at, attempts, customer_id, total, ship_to_name, ship_to_street, ship_to_city,"
                        + " ship_to_postal_code, ship_to_country)"
                        + " values (gen_random_uuid(), 'RUNNING', 1, 'FORWARD', 0, now(), now(), 1, 'bob', 1.00,"
                        + " 'B', 'S', 'C', '1', 'DE')"));
    }
}
