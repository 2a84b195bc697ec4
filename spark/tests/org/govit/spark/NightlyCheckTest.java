package org.govit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.govit.GovitEngine;
import org.govit.GovitException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code make check} (the job on Spark, local[2], input split into 1 MiB pieces so records
 * cross split boundaries) against the kernel's own {@code check} computed without Spark: a
 * plain loop over the Java binding, line by line, in this JVM. The input is made by
 * {@code GenerateRecords --bad} (spark/Makefile's test target): 400 records of every state
 * of the standard path, one in ten with host keys, 21 the kernel cannot read, 6 blank lines,
 * CRLF line ends and a JSON carriage return between tokens.
 */
class NightlyCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "2026-12-31";

    private static Path sparkDir;
    private static Path work;
    private static Path input;
    private static Path output;
    private static Path configFile;

    /** A non-blank input line and what the kernel says of it without Spark. */
    record Expected(long offset, byte[] line, byte[] result, String errorJson) {}

    private static final List<Expected> expected = new ArrayList<>();
    private static int blankLines;
    private static final List<byte[]> out = new ArrayList<>();
    private static int partFiles;
    private static JsonNode summary;

    @BeforeAll
    static void runTheJobAndTheKernel() throws Exception {
        sparkDir = Paths.get(System.getProperty("govit.spark.dir"));
        work = Paths.get(System.getProperty("govit.spark.work"));
        configFile = Paths.get(System.getProperty("govit.spark.config"));
        input = work.resolve("input.jsonl");
        output = work.resolve("out");

        Run run = makeCheck(input, output, AS_OF, "--conf spark.hadoop.fs.local.block.size=1048576");
        assertEquals(0, run.exit, run.log);

        byte[] options = ("{\"as_of\":\"" + AS_OF + "\"}").getBytes(StandardCharsets.UTF_8);
        try (GovitEngine engine = new GovitEngine(Files.readString(configFile));
                var in = Files.newInputStream(input)) {
            JsonLines.forEachLine(in, (offset, line) -> {
                if (JsonLines.isBlank(line)) {
                    blankLines++;
                    return;
                }
                try {
                    expected.add(new Expected(offset, line, engine.checkUtf8(line, options), null));
                } catch (GovitException e) {
                    expected.add(new Expected(offset, line, null, e.errorJson()));
                }
            });
        }
        List<Path> parts;
        try (Stream<Path> s = Files.list(output)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        for (Path p : parts) {
            if (Files.size(p) > 0) {
                partFiles++;
            }
            try (var in = Files.newInputStream(p)) {
                JsonLines.forEachLine(in, (offset, line) -> out.add(line));
            }
        }
        summary = JSON.readTree(output.resolve("_summary.json").toFile());
    }

    @Test
    void oneOutputLinePerRecordInInputOrder() {
        assertEquals(400, expected.size(), "the generator's 400 records");
        assertEquals(expected.size(), out.size(), "one output line per non-blank input line");
        assertEquals(6, blankLines);
        assertTrue(partFiles >= 3, "the input was split (1 MiB pieces): " + partFiles + " part files");
    }

    @Test
    void checkedRecordsAreTheKernelsCheckResultByteForByte() {
        int checked = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            if (e.result != null) {
                assertArrayEquals(e.result, out.get(i), "line at offset " + e.offset);
                checked++;
            }
        }
        assertEquals(379, checked);
    }

    @Test
    void unreadableRecordsGiveTheKernelsErrorWithIdAndOffset() throws IOException {
        Set<String> codes = new TreeSet<>();
        int errors = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            if (e.errorJson == null) {
                continue;
            }
            errors++;
            JsonNode line = JSON.readTree(out.get(i));
            assertEquals(JSON.readTree(e.errorJson).get("error"), line.get("error"), "offset " + e.offset);
            assertEquals(e.offset, line.get("offset").asLong());
            assertTrue(line.get("file").asText().endsWith("/input.jsonl"), line.toString());
            assertEquals(Set.of("error", "project_id", "file", "offset"), fieldNames(line));
            assertEquals(readable(e.line).id, line.get("project_id").isNull() ? null : line.get("project_id").asText(),
                    "offset " + e.offset);
            codes.add(line.get("error").get("code").asText());
        }
        assertEquals(21, errors, "20 bad lines and one record over max_input_bytes");
        assertEquals(Set.of("invalid_json", "invalid_input", "invalid_utf8", "input_too_large"), codes);
        assertTrue(expected.stream().filter(e -> e.errorJson != null).anyMatch(e -> readable(e.line).id != null),
                "some unreadable records still show their id");
    }

    @Test
    void hostKeysStayTheHostsOwn() throws IOException {
        int withHostKeys = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            String text = new String(e.line, StandardCharsets.UTF_8);
            if (text.startsWith("{\"oa_flow_no\"") && e.result != null) {
                withHostKeys++;
                JsonNode line = JSON.readTree(out.get(i));
                assertFalse(line.has("error"), "a host key named error is not an error line");
                assertEquals(JSON.readTree(e.line).get("id"), line.get("project_id"));
            }
            if (text.startsWith("{\"padding\"")) { // 300 KB: over the test config's max_input_bytes
                assertEquals("input_too_large", JSON.readTree(out.get(i)).get("error").get("code").asText());
            }
        }
        assertTrue(withHostKeys >= 20, withHostKeys + " records with host keys");
    }

    @Test
    void crlfAndCarriageReturnInsideARecordAreRecords() {
        long crlf = expected.stream().filter(e -> e.line[e.line.length - 1] == '\r' && e.result != null).count();
        long inner = expected.stream().filter(e -> e.line.length > 1 && e.line[1] == '\r' && e.result != null).count();
        assertTrue(crlf >= 5 && inner >= 5, crlf + " CRLF records, " + inner + " with {\\r");
    }

    @Test
    void summaryCountsEqualTheKernelsResults() throws IOException {
        ObjectNode want = JSON.createObjectNode();
        ObjectNode byRule = JSON.createObjectNode();
        ObjectNode bySeverity = JSON.createObjectNode();
        ObjectNode byState = JSON.createObjectNode();
        ObjectNode byUnit = JSON.createObjectNode();
        ObjectNode byCode = JSON.createObjectNode();
        long checked = 0;
        long findings = 0;
        long deadlines = 0;
        for (Expected e : expected) {
            if (e.result == null) {
                bump(byCode, JSON.readTree(e.errorJson).get("error").get("code").asText(), 1);
                String unit = readable(e.line).ownerUnit;
                if (unit != null) {
                    bump(unitNode(byUnit, unit), "errors", 1);
                }
                continue;
            }
            checked++;
            JsonNode r = JSON.readTree(e.result);
            ObjectNode unit = unitNode(byUnit, JSON.readTree(e.line).get("owner_unit").asText());
            bump(unit, "records", 1);
            bump(byState, r.get("state").asText(), 1);
            for (JsonNode f : r.get("findings")) {
                findings++;
                bump(byRule, f.get("rule").asText(), 1);
                bump(bySeverity, f.get("severity").asText(), 1);
                bump(unit, "findings", 1);
                bump(unit, f.get("severity").asText(), 1);
            }
            deadlines += r.get("deadlines").size();
            bump(unit, "deadlines", r.get("deadlines").size());
        }
        want.put("records", expected.size());
        want.put("checked", checked);
        want.put("errors", expected.size() - checked);
        want.put("blank_lines", blankLines);
        want.put("findings", findings);
        want.put("deadlines", deadlines);
        want.set("errors_by_code", byCode);
        want.set("by_severity", bySeverity);
        want.set("by_rule", byRule);
        want.set("by_state", byState);
        want.set("by_owner_unit", byUnit);
        JsonNode wanted = JSON.readTree(JSON.writeValueAsString(want)); // numbers as the file has them
        wanted.fieldNames().forEachRemaining(k -> assertEquals(wanted.get(k), summary.get(k), k));
        assertEquals(AS_OF, summary.get("as_of").asText());
        assertEquals(GovitEngine.version(), summary.get("kernel_version").asText());
        assertTrue(findings > 100 && byRule.size() >= 3 && byUnit.size() == 12,
                "the input gives a spread of findings: " + byRule);
    }

    @Test
    void oneEnginePerExecutorJvm() {
        assertEquals(partFiles, summary.get("partitions").asInt(), "every partition counted once");
        assertEquals(1, summary.get("engines_created").asInt(), "local mode: one JVM, one engine for all tasks");
        assertTrue(summary.get("executor_peak_rss_kib").asLong() > 0);
    }

    @Test
    void aBadAsOfIsRefusedBeforeAnyWork() throws Exception {
        Path dir = work.resolve("bad-as-of");
        Run run = makeCheck(input, dir, "2026-02-30", "");
        assertNotEquals(0, run.exit);
        assertTrue(run.log.contains("AS_OF must be a valid date") && run.log.contains("检查基准日须为有效日期"), run.log);
        assertFalse(Files.exists(dir));
    }

    @Test
    void anExistingOutputIsLeftAsItIs() throws Exception {
        Path marker = work.resolve("existing");
        Files.createDirectories(marker);
        Files.writeString(marker.resolve("part-00000"), "yesterday\n");
        Run run = makeCheck(input, marker, AS_OF, "");
        assertNotEquals(0, run.exit);
        assertTrue(run.log.contains("the output directory exists"), run.log);
        assertEquals("yesterday\n", Files.readString(marker.resolve("part-00000")));
    }

    @Test
    void aMissingInputIsRefused() throws Exception {
        Path dir = work.resolve("never");
        Run run = makeCheck(work.resolve("no-such-dump.jsonl"), dir, AS_OF, "");
        assertNotEquals(0, run.exit);
        assertTrue(run.log.contains("no input at") && run.log.contains("找不到项目记录文件"), run.log);
        assertFalse(Files.exists(dir));
    }

    @Test
    void missingArgumentsGiveTheUsage() throws Exception {
        Run run = makeCheck(input, output, "", "");
        assertNotEquals(0, run.exit);
        assertTrue(run.log.contains("usage: make spark-check INPUT="), run.log);
    }

    @Test
    void todoSqlGivesTheRowsOfTheResults() throws Exception {
        int within = 120;
        Path todo = work.resolve("todo");
        Path log = work.resolve("todo-sql.log");
        Path home = Paths.get(System.getProperty("govit.spark.home"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/spark-sql").toString(), "--master", "local[1]",
                "--conf", "spark.sql.catalogImplementation=in-memory", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.sql.shuffle.partitions=2",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--driver-java-options", "-Dlog4j2.configurationFile=file:" + sparkDir.resolve("conf/log4j2.properties"),
                "-d", "output=" + output, "-d", "input=" + input, "-d", "as_of=" + AS_OF, "-d", "within=" + within,
                "-d", "todo=" + todo, "-f", sparkDir.resolve("sql/todo.sql").toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        assertEquals(0, pb.start().waitFor(), Files.readString(log));

        List<String> want = new ArrayList<>();
        Map<String, String> unitOf = new HashMap<>();
        String horizon = LocalDate.parse(AS_OF).plusDays(within).toString();
        for (Expected e : expected) {
            if (e.result == null) {
                JsonNode err = JSON.readTree(e.errorJson).get("error");
                want.add(String.join("|", "unreadable", String.valueOf(readable(e.line).id), err.get("code").asText(), "null"));
                continue;
            }
            JsonNode r = JSON.readTree(e.result);
            String id = r.get("project_id").asText();
            unitOf.put(id, JSON.readTree(e.line).get("owner_unit").asText());
            for (JsonNode f : r.get("findings")) {
                if (f.get("severity").asText().equals("violation")) {
                    want.add(String.join("|", "overdue", id, f.get("rule").asText(), f.path("due").asText("null")));
                }
            }
            for (JsonNode d : r.get("deadlines")) {
                String due = d.get("due").asText();
                if (due.compareTo(AS_OF) >= 0 && due.compareTo(horizon) <= 0) {
                    want.add(String.join("|", "upcoming", id, d.get("rule").asText(), due));
                }
            }
        }
        List<String> got = new ArrayList<>();
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        List<Path> parts;
        try (Stream<Path> s = Files.list(todo)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path p : parts) {
            for (var row : new CsvParser(settings)
                    .parseAllRecords(p.toFile(), StandardCharsets.UTF_8)) {
                String id = row.getString("project_id");
                got.add(String.join("|", row.getString("kind"), String.valueOf(id), row.getString("rule"),
                        String.valueOf(row.getString("due"))));
                if (!row.getString("kind").equals("unreadable")) {
                    assertEquals(unitOf.get(id), row.getString("owner_unit"), id);
                    assertTrue(row.getString("message").length() > 10, row.toString());
                }
            }
        }
        Collections.sort(want);
        Collections.sort(got);
        assertEquals(want, got);
        assertTrue(want.stream().anyMatch(w -> w.startsWith("upcoming|")) && want.stream().anyMatch(w -> w.startsWith("overdue|")),
                "rows of every kind");
    }

    // ---- helpers ----

    record Run(int exit, String log) {}

    /** {@code make check} in spark/, as the root's {@code make spark-check} calls it. */
    private static Run makeCheck(Path in, Path outDir, String asOf, String sparkOpts) throws Exception {
        Path log = Files.createTempFile(work, "make-check", ".log");
        ProcessBuilder pb = new ProcessBuilder("make", "--no-print-directory", "-C", sparkDir.toString(), "check",
                "INPUT=" + in, "OUTPUT=" + outDir, "AS_OF=" + asOf, "CONFIG=" + configFile, "SPARK_OPTS=" + sparkOpts);
        pb.environment().remove("MAKEFLAGS");
        pb.environment().remove("MAKELEVEL");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        int exit = pb.start().waitFor();
        return new Run(exit, Files.readString(log));
    }

    /**
     * What a JSON reader can read of a line's top-level {@code id} and {@code owner_unit}
     * (strings only), up to the first fault: the job's documented fallback for error lines.
     */
    record Readable(String id, String ownerUnit) {}

    private static Readable readable(byte[] line) {
        String id = null;
        String unit = null;
        try (JsonParser p = JSON.getFactory().createParser(new ByteArrayInputStream(line))) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING && name.equals("id") && id == null) {
                        id = p.getText();
                    } else if (t == JsonToken.VALUE_STRING && name.equals("owner_unit") && unit == null) {
                        unit = p.getText();
                    }
                    p.skipChildren();
                }
            }
        } catch (IOException fault) {
            // what was read so far
        }
        return new Readable(id, unit);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode unitNode(ObjectNode byUnit, String unit) {
        return byUnit.has(unit) ? (ObjectNode) byUnit.get(unit) : byUnit.putObject(unit);
    }

    private static void bump(ObjectNode counts, String key, long n) {
        counts.put(key, counts.path(key).asLong(0) + n);
    }
}
