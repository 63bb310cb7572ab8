package io.microplatform.saga.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.support.persistence.SpringDataAggregateRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's method names stay here; the domain port speaks the domain's, its queries written out. */
interface JpaSagaRepository extends SagaRepository, SpringDataAggregateRepository<Saga, UUID> {

    boolean existsById(UUID orderId);

    @Override
    default Optional<Saga> ofOrder(UUID orderId) {
        return findById(orderId);
    }

    // fetch joins written in the query rather than an @EntityGraph: Hibernate caches the plan of a query string, but
    // translates a query with a graph applied to SQL again on every execution (7 % of the orchestrator's CPU under
    // load, docs/benchmark.md)
    @Override
    @Query("SELECT s FROM Saga s LEFT JOIN FETCH s.steps WHERE s.orderId = :orderId")
    Optional<Saga> withStepsOfOrder(@Param("orderId") UUID orderId);

    // one query; a cartesian product of two short lists (items has an order column, so it is no bag)
    @Override
    @Query("SELECT s FROM Saga s LEFT JOIN FETCH s.steps LEFT JOIN FETCH s.items WHERE s.orderId = :orderId")
    Optional<Saga> withHistoryOfOrder(@Param("orderId") UUID orderId);

    @Override
    default boolean hasSaga(UUID orderId) {
        return existsById(orderId);
    }

    // served by the partial index sagas_due; ids only, each saga is then loaded in its own transaction
    @Override
    @Query(value = "SELECT order_id FROM sagas WHERE deadline <= :now ORDER BY deadline LIMIT :limit",
            nativeQuery = true)
    List<UUID> dueAt(@Param("now") Instant now, @Param("limit") int limit);

    @Override
    @Query("SELECT s FROM Saga s WHERE s.state = :state ORDER BY s.createdAt LIMIT 100")
    List<Saga> oldest100In(@Param("state") SagaState state);

    @Override
    @Query("SELECT s FROM Saga s ORDER BY s.createdAt DESC LIMIT 100")
    List<Saga> newest100();

    @Override
    @Query("SELECT count(s) FROM Saga s WHERE s.state IN :states")
    long countIn(@Param("states") Collection<SagaState> states);

    @Override
    @Query("SELECT min(s.createdAt) FROM Saga s WHERE s.state IN :states")
    Optional<Instant> oldestStartIn(@Param("states") Collection<SagaState> states);
}
