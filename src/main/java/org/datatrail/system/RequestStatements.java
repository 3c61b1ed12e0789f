package org.datatrail.system;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.micrometer.context.ThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database statements one request may have running at once. A GraphQL request runs each of its fields on a thread
 * of its own, so a request of 300 aliased fields would otherwise open 300 sessions at once and take the whole
 * connection pool, failing itself and everyone else. Each request gets {@code datatrail.requests.statements-per-request}
 * permits; {@link GraphReads} takes one around each statement, on whichever thread runs it: the permits travel with the
 * request's other thread locals (Spring for GraphQL's context propagation, through {@link Accessor}, registered in
 * {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}). Work outside a request is not limited here.
 */
public final class RequestStatements {

    private static final ThreadLocal<Semaphore> CURRENT = new ThreadLocal<>();

    private RequestStatements() {
    }

    /** Runs one statement within the current request's permits (at once, outside a request). */
    static <T> T run(Supplier<T> statement) {
        Semaphore permits = CURRENT.get();
        if (permits == null) {
            return statement.get();
        }
        permits.acquireUninterruptibly();
        try {
            return statement.get();
        }
        finally {
            permits.release();
        }
    }

    /** Carries the request's permits to the threads its data fetchers and batch loaders run on. */
    public static final class Accessor implements ThreadLocalAccessor<Semaphore> {

        /** The key in a context snapshot. */
        public static final String KEY = "datatrail.request-statements";

        @Override
        public Object key() {
            return KEY;
        }

        @Override
        public Semaphore getValue() {
            return CURRENT.get();
        }

        @Override
        public void setValue(Semaphore value) {
            CURRENT.set(value);
        }

        @Override
        public void setValue() {
            CURRENT.remove();
        }
    }

    /** Gives each request its permits, on the request's thread, before Spring for GraphQL takes its context snapshot. */
    static final class Filter extends OncePerRequestFilter {

        private final int permits;

        Filter(int permits) {
            this.permits = permits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CURRENT.set(new Semaphore(permits));
            try {
                chain.doFilter(request, response);
            }
            finally {
                CURRENT.remove();
            }
        }
    }
}
