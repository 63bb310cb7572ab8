package io.microplatform.order.api;

import java.net.URI;
import java.util.UUID;

import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.Order;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
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
    @Operation(summary = "Place an order", description = """
            Stores the order and starts its saga; the outcome comes later (GET the order). The same request again with \
            the same Idempotency-Key gets the same answer with the order as it stands, and places nothing.""")
    @ApiResponse(responseCode = "202", description = "Placed, PENDING until its saga ends; Location: the order",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/api/orders/{orderId}"))
    @ApiResponse(responseCode = "422", description = "Unknown SKU, Unsupported country, or Idempotency-Key reused "
            + "(with another request)")
    @ApiResponse(responseCode = "503", description = "Service unavailable: a service it asks, or its database, is "
            + "away; nothing was stored. Retry after Retry-After seconds, with the same Idempotency-Key",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"))
    @PostMapping
    ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
            @Parameter(description = "Makes a retried request safe: the same key answers with the same order",
                    schema = @Schema(minLength = 1, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH,
                            example = "checkout-7f3c2a"))
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
    @Operation(summary = "An order as it stands")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "Order not found")
    @GetMapping("/{orderId}")
    OrderResponse get(@PathVariable UUID orderId) {
        return OrderResponse.of(orders.get(orderId));
    }
}
