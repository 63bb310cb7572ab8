package io.microplatform.support.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Off unless enabled: no endpoint (404 even with the endpoint exposed), no filter, interceptor or listener wrapper. */
@SpringBootTest(classes = FaultsDisabledTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=faults-off", "platform.faults.token=s3cret",
        "management.endpoints.web.exposure.include=health,faults", "eureka.client.enabled=false" })
class FaultsDisabledTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void hasNoEndpointAndInstallsNothingByDefault() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/faults")).header(FaultTokenFilter.HEADER, "s3cret").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(FaultRules.class)).isEmpty();
        assertThat(context.getBeanNamesForType(FaultsEndpoint.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.boot.web.client.RestClientCustomizer.class))
                .noneMatch(name -> name.contains("Fault"));
        assertThat(context.getBeanNamesForType(org.springframework.kafka.config.ContainerCustomizer.class)).isEmpty();
    }

    @Test
    void refusesToStartEnabledWithoutAToken() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FaultsAutoConfiguration.class))
                .withPropertyValues("platform.faults.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("platform.faults.token"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
