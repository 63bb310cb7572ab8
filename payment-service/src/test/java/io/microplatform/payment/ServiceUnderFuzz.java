package io.microplatform.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.microplatform.testsupport.EmbeddedInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * payment-service on a real port as the fuzz tests need it, one application context for all of them: a database of
 * its own (named after spring.application.name) and no Kafka listeners, so that "nothing changed" sees only what the
 * fuzzed requests did, not other test classes' work in the shared database; the simulated payment provider and the
 * fault endpoint on, as on the local stack.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=payment-service-fuzz",
        "spring.kafka.listener.auto-startup=false",
        "platform.faults.enabled=true",
        "platform.faults.token=" + ServiceUnderFuzz.FAULTS_TOKEN })
// the simulated payment provider exists only under this profile
@ActiveProfiles("simulated-third-parties")
@EmbeddedInfrastructure
@interface ServiceUnderFuzz {

    String FAULTS_TOKEN = "fuzz-faults-token";
}
