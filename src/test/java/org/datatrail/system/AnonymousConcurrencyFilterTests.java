package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Anonymous callers get a bounded number of requests in progress per address; the next one waits briefly, then 429. */
class AnonymousConcurrencyFilterTests {

    final AnonymousConcurrencyFilter filter = new AnonymousConcurrencyFilter(2, Duration.ofMillis(200));

    @Test
    void theRequestOverTheLimitIsRefusedWithRetryAfterAndTheNextOneIsServed() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = clients.submit(() -> send(post("10.0.0.1", null), slow).getStatus());
            Future<Integer> second = clients.submit(() -> send(post("10.0.0.1", null), slow).getStatus());
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse third = send(post("10.0.0.1", null), (request, response) -> { });
            assertThat(third.getStatus()).isEqualTo(429);
            assertThat(third.getHeader("Retry-After")).isEqualTo("1");
            assertThat(third.getContentType()).startsWith("application/json");
            assertThat(third.getContentAsString()).isEqualTo("{\"error\":\"Too Many Requests\",\"message\":\"More than 2 requests without a token "
                    + "in progress from one address (datatrail.requests.anonymous-concurrency); retry after 1 s, or send a token\"}");

            // another address, a caller with a token, and the page's files are not held back
            assertThat(send(post("10.0.0.2", null), (request, response) -> { }).getStatus()).isEqualTo(200);
            assertThat(send(post("10.0.0.1", "Bearer some-token"), (request, response) -> { }).getStatus()).isEqualTo(200);
            MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
            page.setRemoteAddr("10.0.0.1");
            assertThat(send(page, (request, response) -> { }).getStatus()).isEqualTo(200);

            release.countDown();
            assertThat(first.get()).isEqualTo(200);
            assertThat(second.get()).isEqualTo(200);
        }
        assertThat(send(post("10.0.0.1", null), (request, response) -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestOverTheLimitWaitsForOneToFinish() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        FilterChain brief = (request, response) -> {
            holding.countDown();
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            clients.submit(() -> send(post("10.0.0.3", null), brief));
            clients.submit(() -> send(post("10.0.0.3", null), brief));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(send(post("10.0.0.3", null), (request, response) -> { }).getStatus()).isEqualTo(200);
        }
    }

    private static MockHttpServletRequest post(String address, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
