package io.microplatform.payment.domain;

public class AccountNotFoundException extends RuntimeException {

    private final String customerId;

    public AccountNotFoundException(String customerId) {
        super("No account for customer " + customerId);
        this.customerId = customerId;
    }

    public String customerId() {
        return customerId;
    }
}
