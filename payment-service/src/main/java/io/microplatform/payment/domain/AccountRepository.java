package io.microplatform.payment.domain;

import java.util.Optional;

public interface AccountRepository {

    Optional<Account> ofCustomer(String customerId);

    /**
     * The account, its row locked (SELECT ... FOR UPDATE) until the transaction ends: concurrent charges of one
     * customer check and debit the balance one after the other, so it never goes below zero.
     */
    Optional<Account> lockOfCustomer(String customerId);
}
