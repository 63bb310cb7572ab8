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

interface JpaItemRepository extends ItemRepository, Repository<Item, String> {

    @Override
    @Query("select item from Item item order by item.sku")
    List<Item> all();

    @Override
    @Query("select item from Item item where item.sku = :sku")
    Optional<Item> withSku(String sku);

    @Override
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select item from Item item where item.sku in :skus order by item.sku")
    List<Item> lockBySkus(Collection<String> skus);
}
