package org.datatrail.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What one request, and one anonymous caller, may take of the service ({@link RequestLimitsProperties}), as servlet
 * filters ahead of everything else (security included): the body size, the anonymous callers' requests in progress,
 * and each request's database statements at once. The GraphQL document limits are in {@link GraphQlLimits}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestLimits {

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new BodySizeFilter(limits.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AnonymousConcurrencyFilter> anonymousConcurrencyFilter(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new AnonymousConcurrencyFilter(limits.anonymousConcurrency(), limits.anonymousWait()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(limits.anonymousConcurrency() > 0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestStatements.Filter> requestStatementsFilter(RequestLimitsProperties limits) {
        var registration = new FilterRegistrationBean<>(new RequestStatements.Filter(limits.statementsPerRequest()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
