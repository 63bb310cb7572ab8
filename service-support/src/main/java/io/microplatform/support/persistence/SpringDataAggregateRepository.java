package io.microplatform.support.persistence;

import java.util.Optional;

import io.microplatform.support.domain.AggregateRepository;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * A domain port's {@link AggregateRepository#add} done by Spring Data's {@code save}, written once. A service's Spring
 * Data interface extends its domain port and this, and maps the port's finders to Spring Data's names; those names
 * stay in the persistence package.
 *
 * @param <T>  the aggregate
 * @param <ID> its primary key
 */
@NoRepositoryBean
public interface SpringDataAggregateRepository<T, ID> extends AggregateRepository<T>, Repository<T, ID> {

    Optional<T> findById(ID id);

    T save(T aggregate);

    @Override
    default T add(T aggregate) {
        return save(aggregate);
    }
}
