package io.microplatform.payment.persistence;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import io.microplatform.payment.domain.Account;
import io.microplatform.payment.domain.AccountRepository;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaAccountRepository extends AccountRepository, Repository<Account, String> {

    Optional<Account> findById(String customerId);

    @Override
    default Optional<Account> ofCustomer(String customerId) {
        return findById(customerId);
    }

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select account from Account account where account.customerId = :customerId")
    Optional<Account> lockOfCustomer(String customerId);
}
