package io.microplatform.payment.domain;

import java.util.Optional;

public interface AccountRepository {

    Optional<Account> findByCustomerId(String customerId);
}
