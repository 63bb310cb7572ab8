package io.microplatform.payment.api;

import io.microplatform.payment.domain.AccountNotFoundException;
import io.microplatform.payment.domain.AccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

    @Operation(summary = "A customer's account: balance and credit the saga charges against")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "Account not found")
    @GetMapping("/{customerId}")
    AccountResponse get(@PathVariable String customerId) {
        return accounts.ofCustomer(customerId)
                .map(AccountResponse::of)
                .orElseThrow(() -> new AccountNotFoundException(customerId));
    }
}
