package io.microplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicNamesAreUniqueAndValidKafkaNames() {
        assertThat(Topics.all()).doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z][a-z0-9-]{0,200}"));
    }

    @Test
    void deadLetterTopicFollowsSpringKafkaConvention() {
        assertThat(Topics.deadLetterTopicOf(Topics.INVENTORY_COMMANDS)).isEqualTo("inventory-commands-dlt");
    }
}
