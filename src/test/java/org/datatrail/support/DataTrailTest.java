package org.datatrail.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A test of the whole app on its own embedded Neo4j, in a new data directory on an ephemeral Bolt port, seeded from
 * {@link #seed()}, with the {@link Testers} tokens configured and the trace warm-up off.
 * <p>
 * Test classes with the same seed and the same {@link #properties()} share one app and one database: Spring's context
 * cache hands the first class's context to the next. That database is read-only by agreement, and the agreement is
 * checked: a sharing class that leaves the graph changed fails. A class whose tests write says so with
 * {@link #writes()}: it shares the app too, and the database is put back to the seed when the class is done. Classes
 * that share an app never run at the same time ({@link SharedAppLock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(TestDatabaseCustomizerFactory.class)
@TestExecutionListeners(listeners = TestDatabaseListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@ResourceLock(providers = SharedAppLock.class)
public @interface DataTrailTest {

    /** The facts the empty database is seeded with when the app starts. */
    Seed seed() default Seed.CASE;

    /**
     * Whether the class writes to the graph (records findings, ingests facts): then the database it shares with the
     * other classes of its seed is put back to the seed after the class (everything deleted, the seed loaded again).
     */
    boolean writes() default false;

    /** Extra settings ({@code key=value}); classes with other settings share a context only with each other. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** As {@link SpringBootTest#webEnvironment()}: a server on a random port unless the class needs none. */
    @AliasFor(annotation = SpringBootTest.class)
    WebEnvironment webEnvironment() default WebEnvironment.RANDOM_PORT;

    /** The fact files a test database starts with. */
    enum Seed {

        /** The shipped seed case (Lifecycle Marketing to Experian to the Labour Party), from {@code classpath:seed/}. */
        CASE(null),

        /** A hand-made network for tests: supplier, broker, party ({@code src/test/resources/facts/small}). */
        SMALL("src/test/resources/facts/small"),

        /** A hand-made network for trace and consent tests: branching, a cycle, dates, several consents. */
        TRACES("src/test/resources/facts/traces"),

        /** A hand-made network for the lineage rule: data that moves on, data made from it, merges. */
        LINEAGE("src/test/resources/facts/lineage");

        private final String location;

        Seed(String location) {
            this.location = location;
        }

        /** The {@code datatrail.seed.location}, or null for the app's default. */
        String location() {
            return location;
        }
    }
}
