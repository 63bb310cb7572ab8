package io.microplatform.inventory.domain;

import io.microplatform.support.domain.RejectedValueException;

public class ItemNotFoundException extends RejectedValueException {

    public ItemNotFoundException(String sku) {
        super("No item with sku " + sku, sku);
    }

    public String sku() {
        return value();
    }
}
