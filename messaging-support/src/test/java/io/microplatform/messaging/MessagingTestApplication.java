package io.microplatform.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stand-in for a business service: Flyway, JDBC, Kafka and this module's auto-configuration. */
@SpringBootApplication
class MessagingTestApplication {
}
