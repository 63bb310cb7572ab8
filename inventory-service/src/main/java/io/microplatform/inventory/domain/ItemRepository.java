package io.microplatform.inventory.domain;

import java.util.List;
import java.util.Optional;

public interface ItemRepository {

    /** Every item, ordered by sku. */
    List<Item> findAll();

    Optional<Item> findBySku(String sku);
}
