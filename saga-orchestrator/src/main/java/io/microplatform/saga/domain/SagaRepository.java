package io.microplatform.saga.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.support.domain.AggregateRepository;

/** Every order's one saga: the order id is its natural key, so an order never starts two. */
public interface SagaRepository extends AggregateRepository<Saga> {

    Optional<Saga> ofOrder(UUID orderId);

    /** The saga with its step history loaded in the same query: what every reply and deadline touches. */
    Optional<Saga> withStepsOfOrder(UUID orderId);

    /** The saga with its step history and order lines loaded in one query, for reading outside the transaction. */
    Optional<Saga> withHistoryOfOrder(UUID orderId);

    boolean hasSaga(UUID orderId);

    /** Sagas whose deadline is at or before {@code now}, most overdue first. */
    List<UUID> dueAt(Instant now, int limit);

    /** The 100 oldest sagas in {@code state}: the ones stuck longest come first. */
    List<Saga> oldest100In(SagaState state);

    /** The 100 newest sagas. */
    List<Saga> newest100();

    long countIn(Collection<SagaState> states);

    /** When the oldest saga in one of {@code states} started; empty when there is none. */
    Optional<Instant> oldestStartIn(Collection<SagaState> states);
}
