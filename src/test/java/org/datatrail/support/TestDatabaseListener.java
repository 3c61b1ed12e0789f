package org.datatrail.support;

import java.nio.file.Path;

import org.neo4j.driver.Driver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps the {@link DataTrailTest} agreement: an app whose database a class wrote to is closed (and its folder deleted)
 * after that class, and a class that shares its database must leave the graph as it found it.
 */
final class TestDatabaseListener extends AbstractTestExecutionListener {

    private static final String BEFORE = TestDatabaseListener.class.getName() + ".before";

    /** Next to Spring's own DirtiesContextTestExecutionListener, which closes contexts at the same points. */
    @Override
    public int getOrder() {
        return 3100;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        if (!writes(testContext)) {
            testContext.setAttribute(BEFORE, snapshot(testContext.getApplicationContext()));
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        if (writes(testContext)) {
            close(testContext);
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
