package io.microplatform.payment.persistence;

import io.microplatform.payment.domain.Account;
import io.microplatform.payment.domain.AccountRepository;

import org.springframework.data.repository.Repository;

interface JpaAccountRepository extends AccountRepository, Repository<Account, String> {
}
