package io.microplatform.order.api;

import java.net.URI;
import java.util.UUID;

import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.Order;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    /**
     * 202: the order is stored and its saga started, its outcome comes later (GET it). A repeated request with the
     * same Idempotency-Key gets the same answer, with the order as it stands now.
     */
    @PostMapping
    ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, WebRequest web) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || sentMoreThanOnce(web))) {
            throw new InvalidIdempotencyKeyException();
        }
        Order order = orders.place(request.toOrderRequest(), idempotencyKey);
        return ResponseEntity.accepted()
                .location(URI.create("/api/orders/" + order.id()))
                .body(OrderResponse.of(order));
    }

    /**
     * Spring joins the values of a header sent twice with a comma: two keys would pass as one key "a,b", an order
     * placed under neither of the keys the client knows.
     */
    private static boolean sentMoreThanOnce(WebRequest web) {
        String[] values = web.getHeaderValues(IDEMPOTENCY_KEY);
        return values != null && values.length > 1;
    }

    /** An unknown id is 404, and so is one that cannot be an id (ApiExceptionHandler.malformedIdInPath). */
    @GetMapping("/{orderId}")
    OrderResponse get(@PathVariable UUID orderId) {
        return OrderResponse.of(orders.get(orderId));
    }
}
