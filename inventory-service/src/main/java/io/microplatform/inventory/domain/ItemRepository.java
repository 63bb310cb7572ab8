package io.microplatform.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ItemRepository {

    /** Every item, ordered by sku. */
    List<Item> all();

    Optional<Item> withSku(String sku);

    /**
     * The items among skus (unknown skus are missing from the result), ordered by sku and locked (SELECT ... FOR
     * UPDATE) until the transaction ends. Every transaction locks in the same order, so two reservations of
     * overlapping items wait for each other instead of deadlocking.
     */
    List<Item> lockBySkus(Collection<String> skus);
}
