package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.Optional;

import io.microplatform.order.domain.Catalogue;

import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Prices from inventory-service: {@code GET /api/inventory/items/{sku}}. */
class InventoryClient implements Catalogue {

    static final String SERVICE = "inventory-service";

    private final RestClient http;

    InventoryClient(RestClient http) {
        this.http = http;
    }

    @Override
    public Optional<BigDecimal> priceOf(String sku) {
        try {
            Item item = http.get()
                    .uri("/api/inventory/items/{sku}", sku)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(Item.class);
            return Optional.of(item.price());
        }
        catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        }
        catch (HttpClientErrorException e) {
            // any other 4xx means this client asks wrongly: a bug here, not an outage there
            throw new IllegalStateException(SERVICE + " refused GET item " + sku + ": " + e.getMessage(), e);
        }
        catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
            // Illegal...Exception: the load balancer has no instance of the service (which one depends on whether
            // Spring Cloud's load-balancer retry is on)
            throw new RemoteServiceUnavailableException(SERVICE, e);
        }
    }

    /** The fields of inventory-service's item view this service reads; the others are ignored. */
    record Item(String sku, BigDecimal price) {
    }
}
