package org.datatrail.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLongArray;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * Where the time of a GraphQL request goes, stage by stage. The bench sends one request at a time, so the stages of
 * the request in flight are timestamps in one array, taken by a servlet filter that runs before every other one and a
 * graphql-java instrumentation; the bench installs both in its own application context only, never in a served app.
 */
final class RequestStages {

    /** The moments a request passes, in order. */
    enum Mark {
        /** the bench starts sending */
        SENT,
        /** the first servlet filter sees it (after Tomcat's connector has read it) */
        RECEIVED,
        /** graphql-java starts executing (after Spring Security, Spring MVC and Spring for GraphQL's handler and interceptors) */
        EXECUTION,
        /** graphql-java calls the root field's data fetcher (the controller method) */
        FETCHING,
        /** the controller's answer is ready (its statement, the mapping of the rows, the consent rule) */
        FETCHED,
        /** the answer is written (every field completed, the JSON written in the async dispatch) */
        COMPLETED,
        /** the bench has read the whole answer */
        READ
    }

    /** A stage is the time from one mark to the next; named for the docs and the JSON. */
    enum Stage {
        REQUEST_TO_SERVER("request to server", Mark.SENT, Mark.RECEIVED),
        SPRING("Security, MVC, GraphQL handler", Mark.RECEIVED, Mark.EXECUTION),
        GRAPHQL_BEFORE_FETCH("graphql-java to the data fetcher", Mark.EXECUTION, Mark.FETCHING),
        DATA_FETCHER("data fetcher (statement, mapping, consent)", Mark.FETCHING, Mark.FETCHED),
        COMPLETION("completion and response", Mark.FETCHED, Mark.COMPLETED),
        ANSWER_TO_CLIENT("answer to client", Mark.COMPLETED, Mark.READ);

        final String label;
        final Mark from;
        final Mark to;

        Stage(String label, Mark from, Mark to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }
    }

    private final AtomicLongArray marks = new AtomicLongArray(Mark.values().length);

    private final Map<Stage, List<Double>> millis = new EnumMap<>(Stage.class);

    /** Forgets the marks of the last request; call just before sending the next. */
    void start() {
        for (int i = 0; i < marks.length(); i++) {
            marks.set(i, 0);
        }
        mark(Mark.SENT);
    }

    void mark(Mark mark) {
        marks.set(mark.ordinal(), System.nanoTime());
    }

    private void markOnce(Mark mark) {
        marks.compareAndSet(mark.ordinal(), 0, System.nanoTime());
    }

    /** Records the stages of the request just read. */
    void finish() {
        mark(Mark.READ);
        for (Mark m : Mark.values()) {
            if (marks.get(m.ordinal()) == 0) {
                return; // a request that failed before a stage, or one the instrumentation did not see
            }
        }
        for (Stage s : Stage.values()) {
            millis.computeIfAbsent(s, k -> new ArrayList<>()).add((marks.get(s.to.ordinal()) - marks.get(s.from.ordinal())) / 1e6);
        }
    }

    /** The recorded stages since the last call, then forgets them. */
    Map<Stage, List<Double>> drain() {
        Map<Stage, List<Double>> recorded = new EnumMap<>(millis);
        millis.clear();
        return recorded;
    }

    /** Adds the filter and the instrumentation to the application context the bench starts. */
    ApplicationContextInitializer<GenericApplicationContext> installer() {
        return context -> {
            context.registerBean("benchRequestStagesFilter", FilterRegistrationBean.class, () -> {
                FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new StageFilter());
                registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
                registration.addUrlPatterns("/graphql");
                registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
                return registration;
            });
            context.registerBean("benchRequestStagesInstrumentation", SimplePerformantInstrumentation.class, StageInstrumentation::new);
        };
    }

    /**
     * RECEIVED when a request comes in; COMPLETED when its answer has been written, at the end of the dispatch that
     * writes it (Spring for GraphQL answers in an async dispatch). Tomcat sends the answer when that dispatch has
     * returned, so the client reads it after this mark (in 2,100 requests of a size S run, never before).
     */
    private final class StageFilter implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                markOnce(Mark.RECEIVED);
            }
            chain.doFilter(request, response);
            if (!request.isAsyncStarted()) {
                mark(Mark.COMPLETED);
            }
        }
    }

    /** EXECUTION when graphql-java starts; FETCHING and FETCHED around the root field's data fetcher. */
    private final class StageInstrumentation extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
            markOnce(Mark.EXECUTION);
            return null;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
                return dataFetcher;
            }
            return environment -> {
                markOnce(Mark.FETCHING);
                Object value = dataFetcher.get(environment);
                if (value instanceof CompletionStage<?> stage) {
                    return stage.whenComplete((result, failure) -> mark(Mark.FETCHED));
                }
                mark(Mark.FETCHED);
                return value;
            };
        }
    }
}
