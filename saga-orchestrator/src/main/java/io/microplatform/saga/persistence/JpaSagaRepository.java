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

interface JpaSagaRepository extends SagaRepository, Repository<Saga, UUID> {

    @Override
    // one query; a cartesian product of two short lists (items has an order column, so it is no bag)
    @EntityGraph(attributePaths = { "steps", "items" })
    Optional<Saga> findWithStepsByOrderId(UUID orderId);

    // served by the partial index sagas_due; ids only, each saga is then loaded in its own transaction
    @Override
    @Query(value = "SELECT order_id FROM sagas WHERE deadline <= :now ORDER BY deadline LIMIT :limit",
            nativeQuery = true)
    List<UUID> findDue(@Param("now") Instant now, @Param("limit") int limit);

    @Override
    @Query("SELECT min(s.createdAt) FROM Saga s WHERE s.state IN :states")
    Optional<Instant> findOldestCreatedAtByStateIn(@Param("states") Collection<SagaState> states);
}
