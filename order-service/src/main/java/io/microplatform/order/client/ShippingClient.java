package io.microplatform.order.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.order.domain.ShippingRates;

import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Shipping costs from shipping-service: {@code POST /api/shipping/quotes}. */
class ShippingClient implements ShippingRates {

    static final String SERVICE = "shipping-service";

    private final RestClient http;

    ShippingClient(RestClient http) {
        this.http = http;
    }

    @Override
    public Optional<BigDecimal> quote(ShippingAddress to, List<OrderRequest.Line> lines) {
        QuoteRequest request = new QuoteRequest(to.country(), to.postalCode(),
                lines.stream().map(line -> new QuoteRequest.Item(line.sku(), line.quantity())).toList());
        try {
            Quote quote = http.post()
                    .uri("/api/shipping/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .body(Quote.class);
            return Optional.of(quote.cost());
        }
        catch (HttpClientErrorException.UnprocessableEntity unsupportedCountry) {
            return Optional.empty();
        }
        catch (HttpClientErrorException e) {
            // any other 4xx means this client asks wrongly: a bug here, not an outage there
            throw new IllegalStateException(SERVICE + " refused quote " + request + ": " + e.getMessage(), e);
        }
        catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
            // Illegal...Exception: the load balancer has no instance of the service (which one depends on whether
            // Spring Cloud's load-balancer retry is on)
            throw new RemoteServiceUnavailableException(SERVICE, e);
        }
    }

    record QuoteRequest(String country, String postalCode, List<Item> items) {

        record Item(String sku, int quantity) {
        }
    }

    record Quote(String country, BigDecimal cost) {
    }
}
