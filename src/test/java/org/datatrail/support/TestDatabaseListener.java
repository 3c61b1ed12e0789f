package org.datatrail.support;

import java.nio.file.Path;

import org.datatrail.ingest.SeedLoader;
import org.datatrail.system.DataTrailProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps the {@link DataTrailTest} agreement: after a class that writes, its database is put back to the seed (every
 * node but the schema migrations' records deleted, the seed loaded again through the app's own loader), so the next
 * class of that seed finds what it would find in a new database; and a class that only reads must leave the graph as
 * it found it. Putting the seed back, not starting a new app, keeps the shared app's query plans: on 2 cores a cold
 * trace plan costs seconds, a new app and database about ten.
 */
final class TestDatabaseListener extends AbstractTestExecutionListener {

    private static final String BEFORE = TestDatabaseListener.class.getName() + ".before";
    private static final String SHAPE = TestDatabaseListener.class.getName() + ".shape";

    /** Next to Spring's own DirtiesContextTestExecutionListener, which closes contexts at the same points. */
    @Override
    public int getOrder() {
        return 3100;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        if (writes(testContext)) {
            testContext.setAttribute(SHAPE, TestDatabase.shape(testContext.getApplicationContext().getBean(Driver.class)));
        }
        else {
            testContext.setAttribute(BEFORE, snapshot(testContext.getApplicationContext()));
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        if (writes(testContext)) {
            putTheSeedBack(testContext);
            return;
        }
        Object before = testContext.removeAttribute(BEFORE);
        if (before != null && !before.equals(snapshot(testContext.getApplicationContext()))) {
            // nobody else may read what it wrote
            close(testContext);
            throw new AssertionError(testContext.getTestClass().getName() + " changed the database it shares with the other classes "
                    + "of its seed; a class that writes is a @DataTrailTest(writes = true)");
        }
    }

    /**
     * Deletes what the class left and loads the seed again. The seed's nodes and relationships come back with other
     * element ids and audit times, so what is compared with the database the class found is its shape: the count of
     * nodes of each label and of relationships of each type. If that differs (or the reset fails) the app is closed,
     * and the next class of the seed starts a new one.
     */
    private static void putTheSeedBack(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        Object before = testContext.removeAttribute(SHAPE);
        Driver driver = context.getBean(Driver.class);
        try {
            try (Session session = driver.session()) {
                session.run("MATCH (n) WHERE NOT n:DataTrailMigration DETACH DELETE n").consume();
            }
            context.getBean(SeedLoader.class).load(context.getBean(DataTrailProperties.class).seed().location());
        }
        catch (RuntimeException e) {
            close(testContext);
            throw new AssertionError("Could not put the seed back after " + testContext.getTestClass().getName(), e);
        }
        Object after = TestDatabase.shape(driver);
        if (!after.equals(before)) {
            close(testContext);
            throw new AssertionError("After " + testContext.getTestClass().getName() + " the seed was loaded again, but the graph is not "
                    + "the one the class found: " + before + " before, " + after + " after");
        }
    }

    private static boolean writes(TestContext testContext) {
        DataTrailTest test = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), DataTrailTest.class);
        return test != null && test.writes();
    }

    private static TestDatabase.GraphSnapshot snapshot(ApplicationContext context) {
        return TestDatabase.snapshot(context.getBean(Driver.class));
    }

    private static void close(TestContext testContext) {
        Path dir = Path.of(testContext.getApplicationContext().getEnvironment().getRequiredProperty("datatrail.data-dir"));
        testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        Folders.delete(dir);
    }
}
