package io.microplatform.support.logging;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** JSON on demand (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): Boot's ECS lines carry the MDC's ids as fields. */
@SpringBootTest(classes = LogLineTestApplication.class, properties = {
        "spring.config.import=classpath:platform-service-defaults.yml", "spring.application.name=log-line-test",
        "platform.database=unused", "logging.structured.format.console=ecs" })
@AutoConfigureMockMvc
@AutoConfigureObservability(metrics = false)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogLineTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void jsonLineCarriesTraceSpanAndOrderIds(CapturedOutput output) throws Exception {
        UUID orderId = UUID.randomUUID();

        mvc.perform(get("/api/orders/{orderId}", orderId)).andExpect(status().isOk());

        LogLineTestApplication.assertThatTheLoggedLine(output)
                .startsWith("{")
                .contains("\"orderId\":\"" + orderId + "\"")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    }
}
