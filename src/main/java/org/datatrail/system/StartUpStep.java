package org.datatrail.system;

/**
 * A step that brings the database up to date at start-up, after the schema migrations and under the same start-up
 * lock ({@link DatabaseInitializer}), so that instances starting together do it once. A feature contributes one as a
 * bean (the seed on an empty database is ingest's), and the system runs it without knowing the feature.
 */
public interface StartUpStep {

    /** Runs the step; the start-up lock is held. */
    void run();
}
