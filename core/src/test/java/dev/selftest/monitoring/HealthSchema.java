package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The MicroProfile Health response schema, as shipped in the MicroProfile Health TCK. */
final class HealthSchema {
    private static final Schema SCHEMA = load();

    private HealthSchema() {
    }

    /** Asserts that a health response body is valid MicroProfile Health JSON. */
    static void assertValid(JsonNode body) {
        assertThat(SCHEMA.validate(body)).as("schema errors in %s", body).isEmpty();
    }

    private static Schema load() {
        // the TCK's file starts with a licence comment, which strict JSON does not allow
        JsonMapper lenient = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
        try (InputStream in = HealthSchema.class.getClassLoader().getResourceAsStream("health-check-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("health-check-schema.json is not on the test classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(lenient.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
