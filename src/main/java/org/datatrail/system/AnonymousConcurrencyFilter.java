package org.datatrail.system;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code datatrail.requests.anonymous-concurrency} requests without a token in progress per client address
 * (the queries, not the page's files: GET and HEAD pass). One more waits up to {@code anonymous-wait} for one of them
 * to finish, then is refused with 429 and {@code Retry-After}. Behind a reverse proxy the client address is the proxy's
 * unless {@code server.forward-headers-strategy=native} takes it from the proxy's {@code X-Forwarded-For}.
 */
final class AnonymousConcurrencyFilter extends OncePerRequestFilter {

    /** One semaphore per address with requests in progress: weakly held, so the map forgets an address once idle. */
    private final LoadingCache<String, Semaphore> inProgress;

    private final int limit;
    private final Duration wait;

    AnonymousConcurrencyFilter(int limit, Duration wait) {
        this.limit = limit;
        this.wait = wait;
        this.inProgress = Caffeine.newBuilder().weakValues().build(address -> new Semaphore(limit));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || (header != null && !header.isBlank());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore permits = inProgress.get(request.getRemoteAddr());
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            long seconds = Math.max(1, wait.toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            Refusals.refuse(response, HttpStatus.TOO_MANY_REQUESTS, "More than " + limit
                    + " requests without a token in progress from one address (datatrail.requests.anonymous-concurrency); retry after "
                    + seconds + " s, or send a token");
            return;
        }
        Runnable release = releaseOnce(permits);
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (request.isAsyncStarted()) {
                // a GraphQL request answers asynchronously: it is in progress until its answer is written
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        release.run();
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        release.run();
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        release.run();
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            }
            else {
                release.run();
            }
        }
    }

    private static Runnable releaseOnce(Semaphore permits) {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
    }
}
