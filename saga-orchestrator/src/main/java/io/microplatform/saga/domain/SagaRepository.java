package io.microplatform.saga.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface SagaRepository {

    Saga save(Saga saga);

    Optional<Saga> findById(UUID orderId);

    /** The saga with its step history and order lines loaded, for reading outside the transaction. */
    Optional<Saga> findWithStepsByOrderId(UUID orderId);

    boolean existsById(UUID orderId);

    /** Sagas whose deadline is at or before {@code now}, most overdue first. */
    List<UUID> findDue(Instant now, int limit);

    /** The 100 oldest sagas in {@code state}: the ones stuck longest come first. */
    List<Saga> findTop100ByStateOrderByCreatedAtAsc(SagaState state);

    /** The 100 newest sagas. */
    List<Saga> findTop100ByOrderByCreatedAtDesc();

    long countByStateIn(Collection<SagaState> states);

    /** When the oldest saga in one of {@code states} started; empty when there is none. */
    Optional<Instant> findOldestCreatedAtByStateIn(Collection<SagaState> states);
}
