package io.microplatform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated Spring Boot test against the JVM-wide embedded PostgreSQL and Kafka of
 * {@link SharedInfrastructure}. The test gets its own database named after {@code spring.application.name}
 * ('-' becomes '_'; user and password are the same name) and these properties, above application.yml and
 * environment variables but below anything the test sets itself ({@code @SpringBootTest(properties)},
 * {@code @TestPropertySource}, {@code @DynamicPropertySource}):
 * {@code spring.datasource.url/username/password}, {@code spring.kafka.bootstrap-servers} and
 * {@code eureka.client.enabled=false}.
 * <p>
 * With {@code @DataJpaTest} or {@code @JdbcTest} also put {@code @AutoConfigureTestDatabase(replace = NONE)},
 * or Boot swaps the data source for an in-memory database it cannot find. Kafka starts on the first read of
 * {@code spring.kafka.bootstrap-servers}, so a test JVM that never uses it does not pay for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {
}
