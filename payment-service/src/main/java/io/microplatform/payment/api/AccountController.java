package io.microplatform.payment.api;

import io.microplatform.payment.domain.AccountNotFoundException;
import io.microplatform.payment.domain.AccountRepository;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments/accounts")
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{customerId}")
    AccountResponse get(@PathVariable String customerId) {
        return accounts.ofCustomer(customerId)
                .map(AccountResponse::of)
                .orElseThrow(() -> new AccountNotFoundException(customerId));
    }
}
