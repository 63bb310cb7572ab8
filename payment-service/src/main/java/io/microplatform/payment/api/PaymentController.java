package io.microplatform.payment.api;

import java.util.List;
import java.util.UUID;

import io.microplatform.payment.PaymentManagement;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A read-only view for checking the saga's invariants: what money moved for an order. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentManagement payments;

    PaymentController(PaymentManagement payments) {
        this.payments = payments;
    }

    /** The order's charge and refund, oldest first; an empty list for an order that was never charged. */
    @Operation(summary = "An order's charge and refund, oldest first")
    @GetMapping
    List<PaymentResponse> ofOrder(@RequestParam UUID orderId) {
        return payments.paymentsOf(orderId).stream().map(PaymentResponse::of).toList();
    }
}
