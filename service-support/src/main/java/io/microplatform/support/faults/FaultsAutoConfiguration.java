package io.microplatform.support.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.client.RestClient;

/**
 * Fault injection, only with {@code platform.faults.enabled=true}: otherwise none of these beans exist, so
 * {@code /actuator/faults} answers 404 and no filter, interceptor or listener wrapper is installed.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "platform.faults", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(FaultsProperties.class)
public class FaultsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FaultsAutoConfiguration.class);

    /** Boot's server observation filter runs at HIGHEST_PRECEDENCE + 1: injected faults show in http.server.requests. */
    private static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FaultRules faultRules(ObjectProvider<MeterRegistry> registry, FaultsProperties properties) {
        properties.requiredToken();
        log.warn("Fault injection is ENABLED: rules can be added at /actuator/faults with the X-Fault-Token header");
        return new FaultRules(registry.getIfUnique(() -> Metrics.globalRegistry), Clock.systemUTC());
    }

    @Bean
    FaultsEndpoint faultsEndpoint(FaultRules rules) {
        return new FaultsEndpoint(rules);
    }

    /** kill -9 of this process; a test defines its own to watch where the JVM would stop. */
    @Bean
    @ConditionalOnMissingBean
    ProcessHalt faultsProcessHalt() {
        return ProcessHalt.KILL;
    }

    @Bean
    CrashPoints faultsCrashPoints(FaultRules rules, ProcessHalt halt) {
        return new CrashPoints(rules, halt);
    }

    /** Boot applies TransactionExecutionListener beans to the JDBC and JPA transaction managers it creates. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TransactionExecutionListener.class)
    static class Transactions {

        @Bean
        CrashAtCommit faultsCrashAtCommit(CrashPoints crashes) {
            return new CrashAtCommit(crashes);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Inbound {

        @Bean
        FilterRegistrationBean<FaultTokenFilter> faultTokenFilter(FaultsProperties properties,
                ObjectProvider<WebEndpointProperties> endpoints) {
            FilterRegistrationBean<FaultTokenFilter> registration = new FilterRegistrationBean<>(
                    new FaultTokenFilter(endpointPath(endpoints), properties.requiredToken()));
            registration.setOrder(FILTER_ORDER - 1);
            return registration;
        }

        @Bean
        FilterRegistrationBean<InboundFaultFilter> inboundFaultFilter(FaultRules rules,
                ObjectProvider<WebEndpointProperties> endpoints, CrashPoints crashes) {
            FilterRegistrationBean<InboundFaultFilter> registration = new FilterRegistrationBean<>(
                    new InboundFaultFilter(rules, endpointPath(endpoints), crashes));
            registration.setOrder(FILTER_ORDER);
            return registration;
        }

        /**
         * Only where the endpoint is available (enabled and exposed), like the endpoint's own GET and DELETE, and on
         * this port only when actuator shares it (FaultsManagementContextConfiguration otherwise).
         */
        @Bean
        @ConditionalOnAvailableEndpoint(endpoint = FaultsEndpoint.class)
        @ConditionalOnManagementPort(ManagementPortType.SAME)
        FaultRulePosting faultRulePosting(FaultRules rules, ObjectProvider<ObjectMapper> json,
                ObjectProvider<WebEndpointProperties> endpoints) {
            return new FaultRulePosting(endpointPath(endpoints), rules,
                    json.getIfUnique(() -> JsonMapper.builder().findAndAddModules().build()), Clock.systemUTC());
        }

        private static String endpointPath(ObjectProvider<WebEndpointProperties> endpoints) {
            String base = endpoints.getIfAvailable(WebEndpointProperties::new).getBasePath();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/faults";
        }
    }

    /** Boot applies RestClientCustomizers to its own RestClient.Builder and to builders made with its configurer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
    static class Outbound {

        @Bean
        RestClientCustomizer outboundFaultsRestClientCustomizer(FaultRules rules) {
            OutboundFaultInterceptor interceptor = new OutboundFaultInterceptor(rules);
            return builder -> builder.requestInterceptor(interceptor);
        }
    }

    /**
     * Boot's listener container factory applies the ContainerCustomizer bean after the @KafkaListener endpoint set its
     * listener, so the wrapper sits between the container (and its error handler) and the handler methods.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConcurrentMessageListenerContainer.class)
    static class Kafka {

        @Bean
        ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> kafkaFaultsContainerCustomizer(
                FaultRules rules, CrashPoints crashes) {
            return container -> {
                Object listener = container.getContainerProperties().getMessageListener();
                if (listener instanceof MessageListener<?, ?> records) {
                    @SuppressWarnings("unchecked")
                    MessageListener<Object, Object> delegate = (MessageListener<Object, Object>) records;
                    container.setupMessageListener(new KafkaFaultListener(delegate, rules, crashes));
                }
            };
        }
    }
}
