package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TokenRegistryTests {

    static final String HASH = TokenRegistry.hashOf("s3cret");

    @Test
    void findsTheCallerOfAConfiguredTokenByItsHash() {
        var registry = new TokenRegistry(new SecurityProperties(List.of("INVESTIGATOR:alice:" + HASH, "analyst:" + TokenRegistry.hashOf("other")), true));

        assertThat(registry.lookup("s3cret")).contains(new Caller(Role.INVESTIGATOR, "alice"));
        assertThat(registry.lookup("other")).contains(new Caller(Role.ANALYST, "analyst-" + TokenRegistry.hashOf("other").substring(0, 8)));
        assertThat(registry.lookup("S3CRET")).isEmpty();
        // the same digest as `printf s3cret | sha256sum`, which the README tells users to run
        assertThat(HASH).isEqualTo("1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0");
    }

    @Test
    void aBadEntryIsRefusedAtStartNamingItsPosition() {
        assertThatThrownBy(() -> new TokenRegistry(new SecurityProperties(List.of("INVESTIGATOR:" + HASH, "SPY:" + HASH), true)))
            .hasMessage("datatrail.security.tokens entry 2 has unknown role 'SPY'; expected JOURNALIST, INVESTIGATOR, ANALYST or ADMIN");
        assertThatThrownBy(() -> new TokenRegistry(new SecurityProperties(List.of("ADMIN:plaintext-token"), true)))
            .hasMessage("datatrail.security.tokens entry 1 (ADMIN) does not end in a SHA-256 hash of 64 hex digits");
    }

    @Test
    void withoutAnonymousAccessARequestWithoutATokenIs401() throws Exception {
        var filter = new BearerTokenFilter(new TokenRegistry(new SecurityProperties(List.of(), false)), false);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("This service needs a token");
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void withoutAnonymousAccessTheWorkbenchPageAndItsScriptsStillLoadButItsDataNeedsAToken() throws Exception {
        var filter = new BearerTokenFilter(new TokenRegistry(new SecurityProperties(List.of(), false)), false);
        for (String path : List.of("/", "/index.html", "/workbench/workbench.js", "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js")) {
            var chain = new MockFilterChain();
            var response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
            assertThat(chain.getRequest()).as(path + " passed on").isNotNull();
            assertThat(response.getStatus()).isEqualTo(200);
        }
        for (var request : List.of(new MockHttpServletRequest("GET", "/graphql"), new MockHttpServletRequest("POST", "/"),
                new MockHttpServletRequest("GET", "/reports"), new MockHttpServletRequest("GET", "/webjars/../graphql"))) {
            var chain = new MockFilterChain();
            var response = new MockHttpServletResponse();
            filter.doFilter(request, response, chain);
            assertThat(response.getStatus()).as(request.getMethod() + " " + request.getRequestURI()).isEqualTo(401);
            assertThat(chain.getRequest()).isNull();
        }
    }
}
