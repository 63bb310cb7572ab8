package io.microplatform.saga.persistence;

import java.util.UUID;

import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;

import org.springframework.data.repository.Repository;

interface JpaSagaRepository extends SagaRepository, Repository<Saga, UUID> {
}
