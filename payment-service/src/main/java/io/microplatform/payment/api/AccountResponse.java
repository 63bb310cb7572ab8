package io.microplatform.payment.api;

import java.math.BigDecimal;

import io.microplatform.payment.domain.Account;

/** balance is a JSON number with 2 decimals (50.00), because it is a BigDecimal of scale 2. */
record AccountResponse(String customerId, BigDecimal balance) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.customerId(), account.balance());
    }
}
