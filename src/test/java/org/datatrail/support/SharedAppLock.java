package org.datatrail.support;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The test classes run two at a time. Classes that share one app (the same {@link DataTrailTest} seed, settings and
 * web environment, so one cached context and one database) may all read it at once: each checks the graph is as it
 * found it, which holds while nobody writes. A class that writes has the app to itself, because it puts the seed
 * back after it. Classes of different apps run side by side.
 */
public final class SharedAppLock implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        DataTrailTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, DataTrailTest.class);
        if (test == null) {
            return Set.of();
        }
        String[] properties = test.properties().clone();
        Arrays.sort(properties);
        return Set.of(new Lock("datatrail-app " + test.seed() + " " + test.webEnvironment() + " " + String.join(",", properties),
                test.writes() ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
    }
}
