package io.microplatform.order;

import io.microplatform.testsupport.RunningServiceContract;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
@OrderServiceIntegrationTest
class OrderServiceIT extends RunningServiceContract {

    OrderServiceIT() {
        super("order-service");
    }
}
