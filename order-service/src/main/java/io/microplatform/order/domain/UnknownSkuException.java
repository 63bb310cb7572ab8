package io.microplatform.order.domain;

import java.util.List;

/** The request names items the catalogue does not have; nothing was stored. */
public class UnknownSkuException extends RuntimeException {

    private final List<String> skus;

    public UnknownSkuException(List<String> skus) {
        super((skus.size() == 1 ? "No item with sku " : "No items with skus ") + String.join(", ", skus));
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
