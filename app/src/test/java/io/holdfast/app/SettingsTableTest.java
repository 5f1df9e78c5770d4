package io.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The table of settings in docs/configuration.md lists every typed holdfast.* setting the build's configuration
 * metadata describes, by its environment variable and with the same default.
 */
class SettingsTableTest {

    @Test
    void theReadmeNamesEveryTypedSettingWithItsDefault() throws IOException {
        Map<String, String> rows = settingsTable(Files.readString(Path.of("../docs/configuration.md")));
        Map<String, JsonNode> settings = typedSettings();
        assertThat(settings).hasSizeGreaterThanOrEqualTo(20);
        Properties shipped = shippedConfiguration();

        List<String> missing = new ArrayList<>();
        List<String> otherDefault = new ArrayList<>();
        settings.forEach((name, property) -> {
            // Spring reads holdfast.data-dir from HOLDFAST_DATADIR and from HOLDFAST_DATA_DIR alike
            String variable = name.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
            String defaultCell = rows.getOrDefault(
                    variable,
                    rows.get(name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_')));
            if (defaultCell == null) {
                missing.add(variable);
            } else {
                // what application.yml sets is the default a user gets, over the record's own
                String expected = shipped.getProperty(
                        name,
                        property.has("defaultValue")
                                ? property.get("defaultValue").asText()
                                : null);
                if (expected != null && !defaultCell.contains("`" + expected + "`")) {
                    otherDefault.add(variable + " (" + expected + " as shipped, " + defaultCell.strip()
                            + " in docs/configuration.md)");
                }
            }
        });
        assertThat(missing).as("settings docs/configuration.md does not list").isEmpty();
        assertThat(otherDefault)
                .as("settings docs/configuration.md gives another default")
                .isEmpty();
    }

    private static Properties shippedConfiguration() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }

    /** Every holdfast.* property of the metadata each module's build wrote. */
    private static Map<String, JsonNode> typedSettings() throws IOException {
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        for (URL metadata : Collections.list(
                SettingsTableTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    if (property.path("name").asText().startsWith("holdfast.")) {
                        settings.put(property.path("name").asText(), property);
                    }
                }
            }
        }
        return settings;
    }

    /** Environment variable → the row's default cell; {@code `A_B_C` / `…_D`} names A_B_C and A_B_D. */
    private static Map<String, String> settingsTable(String readme) {
        String table = readme.substring(readme.indexOf("| setting (environment variable) |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String row : table.lines().skip(2).toList()) {
            String[] cells = row.split("\\|");
            String first = null;
            for (String name : cells[1].split(" / | or ")) {
                String variable = name.strip().replace("`", "");
                if (variable.startsWith("…_") && first != null) {
                    variable = first.substring(0, first.lastIndexOf('_')) + variable.substring(1);
                }
                if (first == null) {
                    first = variable;
                }
                rows.put(variable, cells[2]);
            }
        }
        return rows;
    }
}
