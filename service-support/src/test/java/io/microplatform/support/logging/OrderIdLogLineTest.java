package io.microplatform.support.logging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The readable default: every line says [traceId,spanId,orderId] through the shared correlation pattern. */
@LogLineSpringBootTest
// each test is handed the beans it uses
class OrderIdLogLineTest {

    @Test
    void requestNamingAnOrderLogsItWithTraceAndSpan(@Autowired MockMvc mvc, CapturedOutput output) throws Exception {
        UUID orderId = UUID.randomUUID();

        LogLineTestApplication.assertThatTheLineLoggedForARequestNaming(orderId, mvc, output)
                .matches(".*\\[[0-9a-f]{32},[0-9a-f]{16}," + orderId + "\\] .*");
        assertThat(MDC.get(OrderIdMdc.KEY)).as("removed after the request").isNull();
    }

    @Test
    void kafkaRecordKeyedByAnOrderLogsItWhileItsListenerRuns(@Autowired OrderIdRecordInterceptor interceptor,
            CapturedOutput output) {
        UUID orderId = UUID.randomUUID();

        LogLineTestApplication.consume(interceptor, new ConsumerRecord<>("order-events", 0, 0, orderId.toString(),
                "payload-" + orderId));
        LoggerFactory.getLogger(OrderIdLogLineTest.class).info("after the listener");

        assertThat(output.getOut().lines().filter(line -> line.contains("handling payload-" + orderId)))
                .singleElement().asString().contains("," + orderId + "] ");
        assertThat(output.getOut().lines().filter(line -> line.contains("after the listener")))
                .singleElement().asString().doesNotContain(orderId.toString());
    }
}
