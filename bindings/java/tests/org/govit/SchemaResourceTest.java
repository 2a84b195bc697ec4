package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JSON Schemas in the jar through GovitEngine.schema() and schemaNames(). */
class SchemaResourceTest {

    @Test
    void theProjectSchemaLoads() {
        String text = GovitEngine.schema("project");
        assertNotNull(text, "project.schema.json in the jar");
        Map<String, Object> s = Json.obj(Json.parse(text));
        assertNotNull(s, text);
        assertEquals("object", s.get("type"));
        assertTrue(Json.obj(s, "properties").containsKey("budget_yuan"), text);
        assertTrue(Json.arr(s, "required").contains("id"), text);
        // with or without the suffix
        assertEquals(text, GovitEngine.schema("project.schema.json"));
    }

    @Test
    void everySchemaOfTheRepositoryIsNamedAndLoads() throws IOException {
        File[] files = new File(ChildJvm.property("govit.test.root"), "schemas")
                .listFiles((d, n) -> n.endsWith(".schema.json"));
        assertNotNull(files);
        Arrays.sort(files);
        List<String> expected = new ArrayList<String>();
        for (File f : files) {
            expected.add(f.getName().substring(0, f.getName().length() - ".schema.json".length()));
        }
        assertEquals(expected, GovitEngine.schemaNames());
        assertTrue(expected.contains("event") && expected.contains("result-check")
                && expected.contains("data-submit_demand"), expected.toString());
        for (File f : files) {
            String name = f.getName().replace(".schema.json", "");
            assertEquals(new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8),
                    GovitEngine.schema(name), name);
            assertNotNull(Json.obj(Json.parse(GovitEngine.schema(name))), name);
        }
    }

    @Test
    void unknownNamesAndPathsGiveNull() {
        assertNull(GovitEngine.schema("no-such-schema"));
        assertNull(GovitEngine.schema(null));
        assertNull(GovitEngine.schema("../GovitEngine.class"));
        assertNull(GovitEngine.schema("index.txt"), "the index is not a schema");
    }
}
