package io.microplatform.support.logging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The readable default: every line says [traceId,spanId,orderId] through the shared correlation pattern. */
@SpringBootTest(classes = LogLineTestApplication.class, properties = {
        "spring.config.import=classpath:platform-service-defaults.yml", "spring.application.name=log-line-test",
        "platform.database=unused" })
@AutoConfigureMockMvc
@AutoConfigureObservability(metrics = false)
@ExtendWith(OutputCaptureExtension.class)
class OrderIdLogLineTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private OrderIdRecordInterceptor interceptor;

    @Test
    void requestNamingAnOrderLogsItWithTraceAndSpan(CapturedOutput output) throws Exception {
        UUID orderId = UUID.randomUUID();

        mvc.perform(get("/api/orders/{orderId}", orderId)).andExpect(status().isOk());

        LogLineTestApplication.assertThatTheLoggedLine(output)
                .matches(".*\\[[0-9a-f]{32},[0-9a-f]{16}," + orderId + "\\] .*");
        assertThat(MDC.get(OrderIdMdc.KEY)).as("removed after the request").isNull();
    }

    @Test
    void kafkaRecordKeyedByAnOrderLogsItWhileItsListenerRuns(CapturedOutput output) {
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
