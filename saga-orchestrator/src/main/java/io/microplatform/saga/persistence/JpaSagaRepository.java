package io.microplatform.saga.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaSagaRepository extends SagaRepository, Repository<Saga, UUID> {

    Saga save(Saga saga);

    Optional<Saga> findById(UUID orderId);

    // one query; a cartesian product of two short lists (items has an order column, so it is no bag)
    @EntityGraph(attributePaths = { "steps", "items" })
    Optional<Saga> findWithStepsByOrderId(UUID orderId);

    boolean existsById(UUID orderId);

    List<Saga> findTop100ByStateOrderByCreatedAtAsc(SagaState state);

    List<Saga> findTop100ByOrderByCreatedAtDesc();

    long countByStateIn(Collection<SagaState> states);

    // served by the partial index sagas_due; ids only, each saga is then loaded in its own transaction
    @Override
    @Query(value = "SELECT order_id FROM sagas WHERE deadline <= :now ORDER BY deadline LIMIT :limit",
            nativeQuery = true)
    List<UUID> dueAt(@Param("now") Instant now, @Param("limit") int limit);

    @Override
    @Query("SELECT min(s.createdAt) FROM Saga s WHERE s.state IN :states")
    Optional<Instant> oldestStartIn(@Param("states") Collection<SagaState> states);

    @Override
    default Saga add(Saga saga) {
        return save(saga);
    }

    @Override
    default Optional<Saga> ofOrder(UUID orderId) {
        return findById(orderId);
    }

    @Override
    default Optional<Saga> withHistoryOfOrder(UUID orderId) {
        return findWithStepsByOrderId(orderId);
    }

    @Override
    default boolean hasSaga(UUID orderId) {
        return existsById(orderId);
    }

    @Override
    default List<Saga> oldest100In(SagaState state) {
        return findTop100ByStateOrderByCreatedAtAsc(state);
    }

    @Override
    default List<Saga> newest100() {
        return findTop100ByOrderByCreatedAtDesc();
    }

    @Override
    default long countIn(Collection<SagaState> states) {
        return countByStateIn(states);
    }
}
