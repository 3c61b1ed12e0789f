package org.datatrail.transfer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.datatrail.system.DataTrailProperties;
import org.datatrail.system.GraphReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans the default traces (traceFlows and upstream following the data, traceDataset, four hops) in the background
 * once the app is ready. A trace is one large statement; on a cold JVM Neo4j takes several seconds to plan each, which
 * the first investigator would otherwise wait for. The statements run with an anchor that names nothing, so they plan
 * in full and read nothing; the plans are cached under the same text and parameter types a request uses. Only the
 * server warms up: a command-line run is over before it would help.
 */
@Component
@ConditionalOnWebApplication
public class TraceWarmUp {

    private static final Logger log = LoggerFactory.getLogger(TraceWarmUp.class);
    private static final String NOBODY = "";

    private final GraphReads reads;
    private final boolean enabled;
    private final CompletableFuture<Integer> planned = new CompletableFuture<>();

    TraceWarmUp(GraphReads reads, DataTrailProperties properties) {
        this.reads = reads;
        this.enabled = properties.api().warmUp();
    }

    /** How many traces were planned in advance (0 when warming up is off), once it is over. */
    public CompletableFuture<Integer> planned() {
        return planned;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            planned.complete(0);
            return;
        }
        Traces.Page page = Traces.Page.first(50);
        Traces.Filter data = new Traces.Filter(null, null, null, null, null, false, null, FlowBasis.DATA);
        List<Traces.Statement> statements = List.of(Traces.downstreamStatement(NOBODY, data, 4, page),
                Traces.upstreamStatement(NOBODY, data, 4, page), Traces.datasetStatement(NOBODY, 4, page));
        Thread.ofVirtual().name("trace-warm-up").start(() -> {
            long started = System.nanoTime();
            int done = 0;
            for (Traces.Statement statement : statements) {
                try {
                    reads.rows(statement.text(), statement.parameters());
                    done++;
                }
                catch (RuntimeException e) {
                    log.warn("Planning a trace in advance failed ({}); the first request will plan it", e.getMessage());
                }
            }
            log.info("Planned {} default traces in {} ms", done, (System.nanoTime() - started) / 1_000_000);
            planned.complete(done);
        });
    }
}
