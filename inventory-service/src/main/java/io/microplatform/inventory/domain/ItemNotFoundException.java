package io.microplatform.inventory.domain;

public class ItemNotFoundException extends RuntimeException {

    private final String sku;

    public ItemNotFoundException(String sku) {
        super("No item with sku " + sku);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
