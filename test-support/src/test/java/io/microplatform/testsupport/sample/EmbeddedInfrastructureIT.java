package io.microplatform.testsupport.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest
@EmbeddedInfrastructure
class EmbeddedInfrastructureIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    GreetingListener listener;

    @Autowired
    Environment environment;

    @Test
    void connectsToTheDatabaseNamedAfterTheApplicationAsItsOwner() {
        assertThat(DatabaseSession.of(jdbc))
                .isEqualTo(new DatabaseSession("test_support_sample", "test_support_sample"));
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo(SharedInfrastructure.postgres().jdbcUrl("test_support_sample"));
    }

    @Test
    void sendsAndReceivesThroughTheEmbeddedBroker() throws Exception {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(SharedInfrastructure.kafka().bootstrapServers());

        kafka.send(GreetingListener.TOPIC, "order-1", "hello").get();

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.received().contains("hello"));
    }

    @Test
    void overridesApplicationYmlButKeepsTheRestOfIt() {
        assertThat(environment.getProperty("eureka.client.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
    }
}
