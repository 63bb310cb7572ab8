package io.microplatform.shipping.api;

import java.util.List;
import java.util.UUID;

import io.microplatform.shipping.ShippingManagement;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A read-only view for checking the saga's invariants: the shipment of an order. */
@RestController
@RequestMapping("/api/shipments")
class ShipmentController {

    private final ShippingManagement shipping;

    ShipmentController(ShippingManagement shipping) {
        this.shipping = shipping;
    }

    /** At most one shipment per order, CREATED or CANCELLED; an empty list when none was ever created. */
    @Operation(summary = "An order's shipment, if one was created")
    @GetMapping
    List<ShipmentResponse> ofOrder(@RequestParam UUID orderId) {
        return shipping.shipmentsOf(orderId).stream().map(ShipmentResponse::of).toList();
    }
}
