package io.microplatform.shipping.api;

import java.util.List;

import io.microplatform.shipping.domain.DestinationRepository;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shipping/destinations")
class DestinationController {

    private final DestinationRepository destinations;

    DestinationController(DestinationRepository destinations) {
        this.destinations = destinations;
    }

    @Operation(summary = "The countries the shop ships to, with their rates")
    @GetMapping
    List<DestinationResponse> list() {
        return destinations.all().stream().map(DestinationResponse::of).toList();
    }
}
