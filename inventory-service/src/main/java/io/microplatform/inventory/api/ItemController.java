package io.microplatform.inventory.api;

import java.util.List;

import io.microplatform.inventory.domain.ItemNotFoundException;
import io.microplatform.inventory.domain.ItemRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory/items")
class ItemController {

    private final ItemRepository items;

    ItemController(ItemRepository items) {
        this.items = items;
    }

    @Operation(summary = "Every item with its price, stock and reservations")
    @GetMapping
    List<ItemResponse> list() {
        return items.all().stream().map(ItemResponse::of).toList();
    }

    @Operation(summary = "One item")
    @ApiResponse(responseCode = "200", description = "The item")
    @ApiResponse(responseCode = "404", description = "Item not found")
    @GetMapping("/{sku}")
    ItemResponse get(@PathVariable String sku) {
        return items.withSku(sku).map(ItemResponse::of).orElseThrow(() -> new ItemNotFoundException(sku));
    }
}
