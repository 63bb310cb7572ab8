package io.microplatform.payment.domain;

import io.microplatform.support.domain.RejectedValueException;

public class AccountNotFoundException extends RejectedValueException {

    public AccountNotFoundException(String customerId) {
        super("No account for customer " + customerId, customerId);
    }

    public String customerId() {
        return value();
    }
}
