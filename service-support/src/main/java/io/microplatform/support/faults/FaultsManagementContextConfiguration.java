package io.microplatform.support.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The faults endpoint's token check and POST handler where actuator has a port of its own
 * ({@code management.server.port}, as in Kubernetes): Boot serves actuator there from a child context, whose server
 * takes filters and handler mappings from that child only, so without these the endpoint would answer GET and DELETE
 * on that port with no token at all. The same beans as on the service's own port, made by the same methods.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(FaultRules.class)
class FaultsManagementContextConfiguration {

    private final FaultsAutoConfiguration.Inbound inbound = new FaultsAutoConfiguration.Inbound();

    @Bean
    FilterRegistrationBean<FaultTokenFilter> managementFaultTokenFilter(FaultsProperties properties,
            ObjectProvider<WebEndpointProperties> endpoints) {
        return inbound.faultTokenFilter(properties, endpoints);
    }

    @Bean
    @ConditionalOnAvailableEndpoint(endpoint = FaultsEndpoint.class)
    FaultRulePosting managementFaultRulePosting(FaultRules rules, ObjectProvider<ObjectMapper> json,
            ObjectProvider<WebEndpointProperties> endpoints) {
        return inbound.faultRulePosting(rules, json, endpoints);
    }
}
