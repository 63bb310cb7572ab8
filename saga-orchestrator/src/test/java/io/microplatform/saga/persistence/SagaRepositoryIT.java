package io.microplatform.saga.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.Position;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The mapping against the real schema that Flyway's V1 creates in PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@EmbeddedInfrastructure
class SagaRepositoryIT {

    // microseconds: what PostgreSQL's timestamptz keeps
    private static final Instant STARTED_AT = Instant.parse("2025-11-26T10:15:30.123456Z");

    private static final Position RESERVING_STOCK = new Position(1, Direction.FORWARD);

    @Autowired
    private SagaRepository sagas;

    @Autowired
    private TestEntityManager entityManager;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesANewSagaAndLoadsItBack() {
        UUID orderId = UUID.randomUUID();
        sagas.save(Saga.start(orderId, RESERVING_STOCK, STARTED_AT));
        entityManager.flush();
        entityManager.clear();

        Saga loaded = sagas.findById(orderId).orElseThrow();

        assertThat(loaded.state()).isEqualTo(SagaState.RUNNING);
        assertThat(loaded.position()).isEqualTo(RESERVING_STOCK);
        assertThat(loaded.version()).isZero();
        assertThat(loaded.createdAt()).isEqualTo(STARTED_AT);
        assertThat(loaded.updatedAt()).isEqualTo(STARTED_AT);
        assertThat(jdbc.queryForMap("select state, current_step, direction from sagas where order_id = ?", orderId))
                .isEqualTo(Map.of("state", "RUNNING", "current_step", 1, "direction", "FORWARD"));
    }

    @Test
    void refusesASecondSagaForTheSameOrder() {
        UUID orderId = UUID.randomUUID();
        sagas.save(Saga.start(orderId, RESERVING_STOCK, STARTED_AT));
        entityManager.flush();
        entityManager.clear();

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() ->
                jdbc.update("insert into sagas (order_id, state, current_step, direction, version, created_at, updated_at)"
                        + " values (?, 'RUNNING', 1, 'FORWARD', 0, now(), now())", orderId));
    }
}
