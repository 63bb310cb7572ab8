package io.microplatform.support.web;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web edge of every service (docs/errors.md): every answer problem+json, Tomcat's and Boot's error pages
 * included; the JSON policy, with unknown fields rejected in request bodies; a request body limit; ids in paths and
 * query parameters checked before a controller runs. Also part of every {@code @WebMvcTest} (see
 * META-INF/spring/...AutoConfigureWebMvc.imports), so that controller tests see what the running service does.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, JacksonAutoConfiguration.class })
@EnableConfigurationProperties(WebEdgeProperties.class)
public class WebEdgeAutoConfiguration {

    /** Every service's ObjectMapper, HTTP and Kafka, whether or not it serves HTTP. */
    @Bean
    @ConditionalOnClass(Jackson2ObjectMapperBuilder.class)
    static JsonPolicy platformJsonPolicy() {
        return new JsonPolicy();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    static class Servlet {

        /** Boot's BasicErrorController backs off (it is conditional on no ErrorController bean). */
        @Bean
        @ConditionalOnMissingBean(ErrorController.class)
        ProblemErrorController problemErrorController() {
            return new ProblemErrorController();
        }

        /** Before every other filter but Boot's observation (HIGHEST_PRECEDENCE + 1), so no filter reads past it. */
        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebEdgeProperties properties) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestBodyLimitFilter(properties.maxRequestBody().toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
            return registration;
        }

        @Bean
        WebMvcConfigurer webEdgeMvcConfigurer() {
            return new WebMvcConfigurer() {

                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new InputInPathAndQuery());
                }

                /**
                 * Only the converters Spring MVC reads request bodies with: Boot's RestClient builders share the
                 * original converter, so a response of a newer service with a new field is still read.
                 */
                @Override
                public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                    converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                            ? new RequestBodyJson((MappingJackson2HttpMessageConverter) converter)
                            : converter);
                }
            };
        }
    }

    /** Boot's JSON converter, on the same ObjectMapper, that refuses unknown fields in what it reads. */
    static final class RequestBodyJson extends MappingJackson2HttpMessageConverter {

        RequestBodyJson(MappingJackson2HttpMessageConverter shared) {
            super(shared.getObjectMapper());
            setSupportedMediaTypes(shared.getSupportedMediaTypes());
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        /**
         * Replaces the Host's error report valve: Boot's (configured not to show Tomcat's report), and the one Tomcat
         * would add at start-up unless the Host's errorReportValveClass names one already there. Ordered after Boot's
         * customizer, whose context customizer adds Boot's valve. Also lets TRACE through to the filter below.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValveCustomizer() {
            return new ProblemReportValveCustomizer();
        }

        /** First of all filters: the connector lets TRACE in only because this answers it (TraceRefusalFilter). */
        @Bean
        FilterRegistrationBean<TraceRefusalFilter> traceRefusalFilter() {
            FilterRegistrationBean<TraceRefusalFilter> registration = new FilterRegistrationBean<>(
                    new TraceRefusalFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
