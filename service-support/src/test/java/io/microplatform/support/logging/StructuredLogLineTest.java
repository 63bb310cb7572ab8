package io.microplatform.support.logging;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** JSON on demand (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): Boot's ECS lines carry the MDC's ids as fields. */
@LogLineSpringBootTest
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class StructuredLogLineTest {

    @Test
    void jsonLineCarriesTraceSpanAndOrderIds(@Autowired MockMvc mvc, CapturedOutput output) throws Exception {
        UUID orderId = UUID.randomUUID();

        LogLineTestApplication.assertThatTheLineLoggedForARequestNaming(orderId, mvc, output)
                .startsWith("{")
                .contains("\"orderId\":\"" + orderId + "\"")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    }
}
