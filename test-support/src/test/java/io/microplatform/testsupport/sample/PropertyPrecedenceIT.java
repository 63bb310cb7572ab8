package io.microplatform.testsupport.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A slice test, as a service's @DataJpaTest would be, whose own property beats the annotation's. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@EmbeddedInfrastructure
@TestPropertySource(properties = "spring.datasource.username=postgres")
class PropertyPrecedenceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void usesTheTestsOwnUsernameOnTheEmbeddedDatabase() {
        assertThat(DatabaseSession.of(jdbc)).isEqualTo(new DatabaseSession("test_support_sample", "postgres"));
    }
}
