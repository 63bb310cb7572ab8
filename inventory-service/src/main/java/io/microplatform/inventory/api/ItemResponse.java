package io.microplatform.inventory.api;

import java.math.BigDecimal;

import io.microplatform.inventory.domain.Item;

/** price is a JSON number with 2 decimals (49.90), because it is a BigDecimal of scale 2. */
record ItemResponse(String sku, String name, BigDecimal price, int stock) {

    static ItemResponse of(Item item) {
        return new ItemResponse(item.sku(), item.name(), item.price(), item.stock());
    }
}
