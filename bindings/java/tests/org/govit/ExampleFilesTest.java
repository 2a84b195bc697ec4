package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's sample records and events (examples/), read from disk as an OA system would. */
class ExampleFilesTest {
    private static GovitEngine engine;
    private static File examples;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
        examples = new File(ChildJvm.property("govit.test.root"), "examples");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String read(String path) throws IOException {
        return new String(Files.readAllBytes(new File(examples, path).toPath()), StandardCharsets.UTF_8);
    }

    @Test
    void everySampleProjectChecks() throws IOException {
        File[] files = new File(examples, "projects").listFiles((d, n) -> n.endsWith(".json"));
        assertTrue(files != null && files.length > 0, "sample projects in " + examples);
        Arrays.sort(files);
        for (File f : files) {
            String text = read("projects/" + f.getName());
            Object r = Json.parse(engine.check(text));
            assertEquals(Json.str(Json.parse(text), "id"), Json.str(r, "project_id"), f.getName());
            assertEquals("draft", Json.str(r, "state"), f.getName());
            assertEquals(Boolean.TRUE, Json.bool(r, "in_scope"), f.getName());
        }
    }

    @Test
    void sampleEvents() throws IOException {
        File project = new File(examples, "projects/public-service.json");
        File submit = new File(examples, "events/submit-demand.json");
        File early = new File(examples, "events/start-procurement-too-early.json");
        if (!project.exists() || !submit.exists() || !early.exists()) {
            return; // samples renamed: the other tests cover the same ground
        }
        String record = read("projects/public-service.json");
        String accepted = engine.apply(record, read("events/submit-demand.json"));
        Object a = Json.parse(accepted);
        assertEquals(Boolean.TRUE, Json.bool(a, "accepted"), accepted);
        assertEquals("WF-20250301-0042", Json.str(a, "project", "oa_workflow_id"));

        String refused = engine.apply(record, read("events/start-procurement-too-early.json"));
        Object r = Json.parse(refused);
        assertEquals(Boolean.FALSE, Json.bool(r, "accepted"), refused);
        assertFalse(Fixtures.ruleIds(r).isEmpty(), refused);
        assertEquals(Json.parse(record), Json.at(r, "project"));
    }
}
