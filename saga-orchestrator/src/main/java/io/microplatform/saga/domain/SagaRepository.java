package io.microplatform.saga.domain;

import java.util.Optional;
import java.util.UUID;

public interface SagaRepository {

    Saga save(Saga saga);

    Optional<Saga> findById(UUID orderId);
}
