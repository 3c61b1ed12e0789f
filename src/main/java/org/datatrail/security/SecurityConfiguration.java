package org.datatrail.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security: the filter decides who is calling (or answers 401); what each role may
 * do is decided where it is done (mutations need INVESTIGATOR or ADMIN), and reads are read-only in the
 * database whoever calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenRegistry tokens, SecurityProperties properties) throws Exception {
        return http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(b -> b.disable())
            .formLogin(f -> f.disable())
            .anonymous(a -> a.disable())
            .addFilterBefore(new BearerTokenFilter(tokens, properties.anonymous()), AnonymousAuthenticationFilter.class)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .build();
    }
}
