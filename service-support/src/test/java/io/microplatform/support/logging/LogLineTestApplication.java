package io.microplatform.support.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.assertj.core.api.AbstractStringAssert;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A web app with the platform's tracing and the order id MDC, and nothing else: what a service's log lines show. */
@SpringBootConfiguration
@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, ObservationAutoConfiguration.class,
        MetricsAutoConfiguration.class, WebMvcObservationAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
        OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        OrderIdLoggingAutoConfiguration.class })
class LogLineTestApplication {

    static final String LOGGED = "looking the order up";

    /**
     * Asks the Orders handler for the order, then asserts on the one line of the console output that it logged while
     * handling that request.
     */
    static AbstractStringAssert<?> assertThatTheLineLoggedForARequestNaming(UUID orderId, MockMvc mvc,
            CapturedOutput output) throws Exception {
        mvc.perform(get("/api/orders/{orderId}", orderId)).andExpect(status().isOk());
        return assertThat(output.getOut().lines().filter(line -> line.contains(LOGGED))).singleElement().asString();
    }

    @RestController
    static class Orders {

        private static final Logger log = LoggerFactory.getLogger(Orders.class);

        @GetMapping("/api/orders/{orderId}")
        String order(@PathVariable UUID orderId) {
            log.info(LOGGED);
            return orderId.toString();
        }
    }

    /** What a @KafkaListener method does, called the way the container calls it: interceptor, listener, afterRecord. */
    static void consume(OrderIdRecordInterceptor interceptor, ConsumerRecord<Object, Object> record) {
        interceptor.intercept(record, null);
        try {
            LoggerFactory.getLogger(LogLineTestApplication.class).info("handling {}", record.value());
        } finally {
            interceptor.afterRecord(record, null);
        }
    }
}
