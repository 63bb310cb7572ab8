package io.microplatform.inventory.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import io.microplatform.inventory.domain.Item;
import io.microplatform.inventory.domain.ItemRepository;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Spring Data's method names stay here; the domain port speaks the domain's. */
interface JpaItemRepository extends ItemRepository, Repository<Item, String> {

    Optional<Item> findById(String sku);

    @Override
    @Query("select item from Item item order by item.sku")
    List<Item> all();

    @Override
    default Optional<Item> withSku(String sku) {
        return findById(sku);
    }

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select item from Item item where item.sku in :skus order by item.sku")
    List<Item> lockBySkus(Collection<String> skus);
}
