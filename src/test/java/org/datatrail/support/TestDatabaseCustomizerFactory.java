package org.datatrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives each app a {@link DataTrailTest} starts a new data directory, seeded as the annotation says. The customizer
 * is part of Spring's context cache key: classes with the same seed (and settings) get equal customizers, and so one
 * cached app, whether they write or not ({@link TestDatabaseListener} puts the seed back after a class that writes).
 */
final class TestDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        DataTrailTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, DataTrailTest.class);
        if (test == null) {
            return null;
        }
        return new TestDatabaseCustomizer(test.seed());
    }

    /**
     * @param seed what the database starts with
     */
    record TestDatabaseCustomizer(DataTrailTest.Seed seed) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Path dir = newDataDirectory();
            Map<String, Object> properties = new HashMap<>();
            properties.put("datatrail.data-dir", dir.toString());
            properties.put("datatrail.neo4j.bolt-port", "0");
            // the classes share 2 cores: planning traces in advance would only slow the tests down
            properties.put("datatrail.api.warm-up", "false");
            // a cold app plans each trace on its first request, and a long trace's statement takes tens of seconds to plan
            // on a loaded 2-core machine (two test forks, a browser): longer than a served app's 30 s, which is meant for
            // requests whose plans are warm. Classes that test the timeouts set their own. (Spring MVC's async timeout
            // bounds a GraphQL request too.)
            properties.put("datatrail.api.query-timeout", "120s");
            // (the app sets Tomcat's asynchronous timeout a little above this one)
            properties.put("datatrail.graphql.request-timeout", "150s");
            properties.put("datatrail.security.tokens", Testers.tokensSetting());
            if (seed.location() != null) {
                properties.put("datatrail.seed.location", seed.location());
            }
            // below the class's own settings (@DataTrailTest#properties), above application.properties
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource("DataTrail test database", properties);
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            }
            else {
                sources.addFirst(source);
            }
        }

        /**
         * A new folder (a database of ~130 MB), deleted when the JVM exits if not before: a shared app stays cached
         * until then, and Boot runs its shutdown handlers only after closing every context it started, so the database
         * is closed first.
         */
        private static Path newDataDirectory() {
            try {
                Path dir = Files.createTempDirectory("datatrail-test-");
                SpringApplication.getShutdownHandlers().add(() -> Folders.delete(dir));
                return dir;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
