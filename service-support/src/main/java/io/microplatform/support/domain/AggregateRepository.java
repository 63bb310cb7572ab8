package io.microplatform.support.domain;

/**
 * What every aggregate's repository port shares: adding a new one. The ports extend it with their own finders, named
 * in the domain's words ({@code ofOrder}, {@code withId}); the persistence package implements both with Spring Data.
 *
 * @param <T> the aggregate
 */
public interface AggregateRepository<T> {

    /** Stores a new aggregate; a changed one is written when the transaction commits. */
    T add(T aggregate);
}
