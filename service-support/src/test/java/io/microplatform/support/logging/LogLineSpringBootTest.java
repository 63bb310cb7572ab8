package io.microplatform.support.logging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * LogLineTestApplication with the platform's service defaults, a real tracer and the console captured: the log lines a
 * service writes. A test of another log format adds that one property.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LogLineTestApplication.class, properties = {
        "spring.config.import=classpath:platform-service-defaults.yml", "spring.application.name=log-line-test",
        "platform.database=unused" })
@AutoConfigureMockMvc
@AutoConfigureObservability(metrics = false)
@ExtendWith(OutputCaptureExtension.class)
@interface LogLineSpringBootTest {
}
