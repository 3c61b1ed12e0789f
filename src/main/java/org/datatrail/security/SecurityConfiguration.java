package org.datatrail.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security: the filter decides who is calling (or answers 401); what each role may
 * do is decided where it is done (mutations need INVESTIGATOR or ADMIN), and reads are read-only in the
 * database whoever calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * On every response: scripts, styles and everything else only from the app itself (no inline script or style, no
     * eval), so a stored name that slipped past the pages' DOM code still could not run; images may also be data: URLs
     * (GraphiQL's icons). The pages are never framed, and links to sources carry no Referer (the workbench's URL holds
     * the whole investigation).
     */
    static final String CONTENT_SECURITY_POLICY = policy("'self'");

    /**
     * GraphiQL's dialogs (Reach UI, through react-remove-scroll) lock the page's scroll while open by adding one style
     * element, which the bundle cannot be told to give a nonce: on the explorer page only, that exact style text (page
     * margin 0 as explorer.css sets it, no scroll bar) is allowed by its SHA-256. Any other inline style is still refused.
     */
    static final String GRAPHIQL_SCROLL_LOCK_STYLE = "'sha256-Y/huXlwoYkVyQlxwSVcCi1RCDGDCSVBzDt0hYP9qlTc='";

    /** The explorer page's policy: the app's, with the one style above. */
    static final String GRAPHIQL_CONTENT_SECURITY_POLICY = policy("'self' " + GRAPHIQL_SCROLL_LOCK_STYLE);

    private static final RequestMatcher GRAPHIQL_PAGE = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/graphiql"),
            PathPatternRequestMatcher.pathPattern("/graphiql/"));

    private static String policy(String styles) {
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenRegistry tokens, SecurityProperties properties) throws Exception {
        return http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(b -> b.disable())
            .formLogin(f -> f.disable())
            .anonymous(a -> a.disable())
            .addFilterBefore(new BearerTokenFilter(tokens, properties.anonymous()), AnonymousAuthenticationFilter.class)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .headers(h -> h
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(GRAPHIQL_PAGE,
                        new ContentSecurityPolicyHeaderWriter(GRAPHIQL_CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(GRAPHIQL_PAGE),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
            .build();
    }
}
