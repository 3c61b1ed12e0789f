package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's settings tables against the configuration metadata that Boot's processor writes from the
 * {@code @ConfigurationProperties} records: a setting the README names exists, every one of ours is in a table, and
 * a table that gives a default gives the one the code has.
 */
class SettingsDocumentationTests {

    private static final Pattern SETTING = Pattern.compile("`(datatrail\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)`");
    /** A row that starts with one setting and its default: {@code | `datatrail.x` | `default` | what it does |}. */
    private static final Pattern WITH_DEFAULT = Pattern.compile("^\\| `(datatrail\\.[a-z0-9.-]+)` \\| `([^`]*)` \\|");

    @Test
    void theReadmesSettingsTablesAgreeWithTheMetadata() throws IOException {
        Map<String, String> metadata = metadata();
        assertThat(metadata).as("the processor's metadata").containsKeys("datatrail.data-dir", "datatrail.documents.max-size",
                "datatrail.graphql.max-depth", "datatrail.graphiql.enabled");
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("|")).toList();

        TreeSet<String> documented = new TreeSet<>();
        Map<String, String> defaults = new TreeMap<>();
        for (String row : rows) {
            Matcher names = SETTING.matcher(row);
            while (names.find()) {
                documented.add(names.group(1));
            }
            Matcher withDefault = WITH_DEFAULT.matcher(row);
            if (withDefault.find()) {
                defaults.put(withDefault.group(1), withDefault.group(2));
            }
        }

        assertThat(documented).as("settings in the README's tables that no properties record has").isSubsetOf(metadata.keySet());
        assertThat(metadata.keySet()).as("settings missing from the README's tables").isSubsetOf(documented);
        defaults.forEach((name, value) -> assertThat(value).as("the README's default of " + name).isEqualTo(metadata.get(name)));
    }

    /** Every {@code datatrail.*} property in the generated metadata, with its default as the README writes it ("" for none). */
    private static Map<String, String> metadata() throws IOException {
        Map<String, String> properties = new TreeMap<>();
        for (URL url : Collections.list(SettingsDocumentationTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("datatrail.")) {
                        properties.put(name, text(property.path("defaultValue")));
                    }
                }
            }
        }
        return properties;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return items.stream().collect(Collectors.joining(","));
        }
        String text = value.isMissingNode() || value.isNull() ? "" : value.asString();
        // the processor writes a record's @DefaultValue({ "a", "b" }) as the string "[a, b]"; the README as a,b
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1).replace(", ", ",") : text;
    }
}
