package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typed results (Decision, Finding, Deadline, CheckResult) against the kernel's own JSON,
 * read by the separate test reader (Json), over a scenario corpus: every sample record of
 * examples/projects and examples/nightly checked as every role, every event each role may
 * send there applied and previewed, the walk to approved, and the golden result documents
 * of tests/golden.
 */
class TypedResultsTest {
    private static GovitEngine engine;
    private static File root;
    /** How many documents were compared, by kind (printed; the corpus must not be empty). */
    private static final Map<String, Integer> COUNTS = new LinkedHashMap<String, Integer>();

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
        root = new File(ChildJvm.property("govit.test.root"));
    }

    @AfterAll
    static void close() {
        engine.close();
        System.out.println("typed results compared: " + COUNTS);
    }

    private static void count(String kind) {
        Integer n = COUNTS.get(kind);
        COUNTS.put(kind, n == null ? 1 : n + 1);
    }

    static String read(File f) throws IOException {
        return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
    }

    /** The sample records: examples/projects/*.json and examples/nightly/*.json. */
    static List<File> sampleRecords() {
        List<File> out = new ArrayList<File>();
        for (String dir : new String[] {"examples/projects", "examples/nightly"}) {
            File[] files = new File(root, dir).listFiles((d, n) -> n.endsWith(".json"));
            assertNotNull(files, dir);
            Arrays.sort(files);
            out.addAll(Arrays.asList(files));
        }
        assertTrue(out.size() >= 8, "sample records: " + out);
        return out;
    }

    /** The roles, from the event schema shipped in the jar (event.schema.json, $defs.role). */
    static List<String> roles() {
        List<String> roles = new ArrayList<String>();
        for (Object r : Json.arr(Json.parse(GovitEngine.schema("event")), "$defs", "role", "enum")) {
            roles.add((String) r);
        }
        assertTrue(roles.contains("construction_unit") && roles.contains("big_data_center"), roles.toString());
        return roles;
    }

    /** The unit acting as a role on a record: the owner for the construction unit. */
    static String unit(Object record, String role) {
        return "construction_unit".equals(role) ? Json.str(record, "owner_unit") : "曲阜市" + role;
    }

    /** The date of the record's last event, or its planned start when it has none. */
    static String lastDate(Object record) {
        List<Object> h = Json.arr(record, "history");
        if (h != null && !h.isEmpty()) {
            return Json.str(h.get(h.size() - 1), "event", "date");
        }
        return "2025-03-03";
    }

    static String options(String asOf, String role, String unit) {
        Map<String, Object> actor = new LinkedHashMap<String, Object>();
        actor.put("role", role);
        actor.put("unit", unit);
        Map<String, Object> o = new LinkedHashMap<String, Object>();
        o.put("as_of", asOf);
        o.put("actor", actor);
        return Json.write(o);
    }

    // ---- comparing a typed view with the JSON ----

    static void assertFindings(List<Finding> typed, List<Object> json, String where) {
        assertNotNull(json, where);
        assertEquals(json.size(), typed.size(), where + ": number of findings");
        for (int i = 0; i < json.size(); i++) {
            Object f = json.get(i);
            Finding t = typed.get(i);
            String at = where + " finding " + i + " " + Json.str(f, "rule");
            assertEquals(Json.str(f, "rule"), t.rule(), at);
            assertEquals(Json.str(f, "severity"), t.severity().json(), at);
            assertEquals(Severity.valueOf(Json.str(f, "severity").toUpperCase(java.util.Locale.ROOT)), t.severity(), at);
            assertEquals("block".equals(Json.str(f, "severity")), t.blocks(), at);
            Object article = Json.at(f, "article");
            assertEquals(article == null || article == Json.NULL ? null
                    : Integer.valueOf(((java.math.BigDecimal) article).intValueExact()), t.article(), at);
            assertEquals(Json.str(f, "citation"), t.citation(), at);
            assertEquals(Json.str(f, "message"), t.message(), at);
            assertEquals(Json.str(f, "message_en"), t.messageEn(), at);
            assertEquals(Json.str(f, "remedy"), t.remedy(), at);
            assertEquals(Json.str(f, "remedy_en"), t.remedyEn(), at);
            String due = Json.str(f, "due");
            assertEquals(due == null ? null : LocalDate.parse(due), t.due(), at);
        }
    }

    static void assertCheck(CheckResult c, String json, String where) {
        Object r = Json.parse(json);
        assertEquals(json, c.json(), where);
        assertEquals(Json.str(r, "project_id"), c.projectId(), where);
        assertEquals(Json.str(r, "state"), c.state(), where);
        assertEquals(Json.bool(r, "in_scope"), c.inScope(), where);
        assertFindings(c.findings(), Json.arr(r, "findings"), where);
        List<Object> deadlines = Json.arr(r, "deadlines");
        assertEquals(deadlines.size(), c.deadlines().size(), where + ": number of deadlines");
        for (int i = 0; i < deadlines.size(); i++) {
            Object d = deadlines.get(i);
            assertEquals(Json.str(d, "rule"), c.deadlines().get(i).rule(), where);
            assertEquals(Json.str(d, "event"), c.deadlines().get(i).event(), where);
            assertEquals(LocalDate.parse(Json.str(d, "due")), c.deadlines().get(i).due(), where);
        }
        assertEquals(Json.arr(r, "allowed_events"), new ArrayList<Object>(c.allowedEvents()), where);
        List<Object> steps = Json.arr(r, "next_steps");
        assertEquals(steps != null, c.hasNextSteps(), where);
        assertEquals(steps == null ? 0 : steps.size(), c.nextSteps().size(), where + ": number of next steps");
        for (int i = 0; steps != null && i < steps.size(); i++) {
            Object s = steps.get(i);
            NextStep t = c.nextSteps().get(i);
            String at = where + " next step " + Json.str(s, "event");
            assertEquals(Json.str(s, "event"), t.event(), at);
            assertEquals(Json.str(s, "label"), t.label(), at);
            assertEquals(Json.str(s, "label_en"), t.labelEn(), at);
            assertEquals(Json.str(s, "to"), t.to(), at);
            assertEquals(Json.bool(s, "ready"), t.ready(), at);
            assertEquals(t.ready(), t.blockedBy().isEmpty(), at + ": ready is blocked_by empty");
            assertEquals(strings(Json.arr(s, "blocked_by")), t.blockedBy(), at);
            assertEquals(strings(Json.arr(s, "needs")), t.needs(), at);
            assertEquals(strings(Json.arr(s, "documents")), t.documents(), at);
            List<Object> data = Json.arr(s, "data");
            assertEquals(data == null ? 0 : data.size(), t.data().size(), at);
            for (int j = 0; data != null && j < data.size(); j++) {
                assertEquals(Json.str(data.get(j), "key"), t.data().get(j).key(), at);
                assertEquals(Json.str(data.get(j), "label"), t.data().get(j).label(), at);
                assertEquals(Boolean.TRUE.equals(Json.bool(data.get(j), "required")), t.data().get(j).required(), at);
            }
            assertTrue(c.allowedEvents().contains(t.event()), at + " is in allowed_events " + c.allowedEvents());
            assertTrue(t == c.nextStep(t.event()), at);
        }
        count("check");
    }

    static void assertDecision(Decision d, String json, boolean withProject, String where) {
        Object r = Json.parse(json);
        assertEquals(json, d.json(), where);
        assertEquals(Json.bool(r, "accepted"), d.accepted(), where);
        assertEquals(Json.str(r, "state_before"), d.stateBefore(), where);
        assertEquals(Json.str(r, "state_after"), d.stateAfter(), where);
        assertFindings(d.findings(), Json.arr(r, "findings"), where);
        boolean anyBlock = false;
        for (Finding f : d.findings()) {
            anyBlock |= f.blocks();
        }
        assertEquals(anyBlock, !d.accepted(), where + ": refused iff a block");
        assertEquals(anyBlock, !d.blocking().isEmpty(), where);
        if (withProject) {
            assertEquals(Json.rawMember(json, "project"), d.projectJson(), where);
            assertEquals(Json.at(r, "project"), Json.parse(d.projectJson()), where);
        } else {
            assertNull(Json.at(r, "project"), where + ": a preview has no project");
            assertNull(d.projectJson(), where);
        }
        count(withProject ? "apply" : "preview");
    }

    static List<String> strings(List<Object> a) {
        List<String> out = new ArrayList<String>();
        if (a != null) {
            for (Object o : a) {
                out.add((String) o);
            }
        }
        return out;
    }

    /** apply and preview of the same event: the same decision and findings; both match their JSON. */
    static Decision applyAndPreview(String record, String event, String where) {
        String applied;
        try {
            applied = engine.apply(record, event);
        } catch (GovitException refusedInput) {
            // Not a decision (e.g. a required data key missing): preview answers the same.
            GovitException p = assertThrows(GovitException.class, () -> engine.preview(record, event), where);
            assertEquals(refusedInput.code(), p.code(), where);
            assertEquals(refusedInput.errorJson(), p.errorJson(), where);
            count("input error");
            return null;
        }
        Decision a = engine.applyDecision(record, event);
        assertEquals(applied, a.json(), where + ": applyDecision is apply");
        assertDecision(a, applied, true, where + " (apply)");
        Decision p = engine.preview(record, event);
        assertDecision(p, p.json(), false, where + " (preview)");
        assertEquals(a.accepted(), p.accepted(), where);
        assertEquals(a.stateBefore(), p.stateBefore(), where);
        assertEquals(a.stateAfter(), p.stateAfter(), where);
        assertEquals(a.findings(), p.findings(), where + ": preview's findings are apply's");
        if (!a.accepted()) {
            assertEquals(Json.parse(record), Json.parse(a.projectJson()), where + ": refused leaves the record");
        }
        return a;
    }

    // ---- the corpus ----

    /**
     * A value for a data field of its type in lifecycle(), as a clerk's form would send it:
     * the first allowed value of a code, a date of the event, some money, some text.
     */
    static Object sample(DataField f, String date) {
        String type = f.type() == null ? "text" : f.type();
        if (type.equals("code")) {
            return f.values().get(0).value();
        } else if (type.equals("boolean")) {
            return Boolean.TRUE;
        } else if (type.equals("integer")) {
            return new java.math.BigDecimal(24);
        } else if (type.equals("money")) {
            return "100000.00";
        } else if (type.equals("date")) {
            return date;
        } else if (type.equals("list")) {
            List<Object> l = new ArrayList<Object>();
            if (f.items() != null) {
                l.add(sample(f.items(), date));
            }
            return l;
        } else if (type.equals("object")) {
            return new LinkedHashMap<String, Object>();
        }
        return "测试";
    }

    /** An event as a role sends it: bare (no data), or with every required field and document. */
    static String event(Lifecycle.Event type, String date, String role, String unit, boolean filled) {
        Map<String, Object> actor = new LinkedHashMap<String, Object>();
        actor.put("role", role);
        actor.put("unit", unit);
        Map<String, Object> data = new LinkedHashMap<String, Object>();
        if (filled) {
            for (DataField f : type.data()) {
                if (f.required()) {
                    data.put(f.key(), sample(f, date));
                }
            }
            data.put("documents", new ArrayList<Object>(type.documents()));
        }
        Map<String, Object> e = new LinkedHashMap<String, Object>();
        e.put("type", type.name());
        e.put("date", date);
        e.put("actor", actor);
        e.put("data", data);
        return Json.write(e);
    }

    /**
     * Every sample record, checked as every role; every event each role may send there,
     * bare and filled in, applied and previewed; and from each record a filled-in event
     * leads to, the same again one step further.
     */
    @Test
    void everySampleRecordAsEveryRole() throws IOException {
        Lifecycle lifecycle = engine.lifecycle();
        int events = 0;
        int accepted = 0;
        for (File f : sampleRecords()) {
            List<String> level = new ArrayList<String>();
            level.add(read(f));
            for (int depth = 0; depth < 2; depth++) {
                List<String> next = new ArrayList<String>();
                for (String record : level) {
                    for (Decision d : everyEventAsEveryRole(lifecycle, record, f.getName() + " +" + depth)) {
                        events++;
                        if (d.accepted()) {
                            accepted++;
                            next.add(d.projectJson());
                        }
                    }
                }
                level = next;
            }
        }
        System.out.println("corpus: " + events + " events judged, " + accepted + " accepted");
        assertTrue(events >= 200 && accepted >= 50, events + " events, " + accepted + " accepted");
    }

    /** Checks a record as every role and sends every allowed event; the decisions made. */
    static List<Decision> everyEventAsEveryRole(Lifecycle lifecycle, String record, String name) {
        List<Decision> out = new ArrayList<Decision>();
        Object rec = Json.parse(record);
        String date = lastDate(rec);
        String json = engine.check(record, "{\"as_of\":\"" + date + "\"}");
        CheckResult plain = engine.checkResult(record, "{\"as_of\":\"" + date + "\"}");
        assertCheck(plain, json, name);
        assertFalse(plain.hasNextSteps(), name + ": no actor, no next_steps");
        assertTrue(plain.nextSteps().isEmpty());
        for (Lifecycle.Role r : lifecycle.roles()) {
            String role = r.name();
            String opts = options(date, role, unit(rec, role));
            String where = name + " as " + role;
            CheckResult c = engine.checkResult(record, opts);
            assertCheck(c, engine.check(record, opts), where);
            for (String type : c.allowedEvents()) {
                for (boolean filled : new boolean[] {false, true}) {
                    String e = event(lifecycle.event(type), date, role, unit(rec, role), filled);
                    Decision d = applyAndPreview(record, e, where + " sends " + e);
                    if (d != null && filled) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theRolesAreTheSchemas() {
        List<String> names = new ArrayList<String>();
        for (Lifecycle.Role r : engine.lifecycle().roles()) {
            names.add(r.name());
        }
        assertEquals(roles(), names);
    }

    @Test
    void theWalkToApprovedPreviewedStepByStep() {
        String record = Fixtures.PROJECT;
        for (String event : Fixtures.toApproved()) {
            Decision p = engine.preview(record, event);
            assertTrue(p.accepted(), p.toString());
            Decision a = applyAndPreview(record, event, Json.str(Json.parse(event), "type"));
            assertTrue(a.accepted(), a.toString());
            assertNotEquals(record, a.projectJson());
            record = a.projectJson();
            CheckResult c = engine.checkResult(record);
            assertCheck(c, engine.check(record), "after " + Json.str(Json.parse(event), "type"));
            assertEquals(a.stateAfter(), c.state());
        }
        assertEquals("approved", engine.checkResult(record).state());
        assertEquals(Boolean.TRUE, Json.bool(Json.parse(engine.verify(record)), "valid"));
    }

    @Test
    void theSampleEvents() throws IOException {
        String record = read(new File(root, "examples/projects/public-service.json"));
        File[] events = new File(root, "examples/events").listFiles((d, n) -> n.endsWith(".json"));
        assertNotNull(events);
        assertTrue(events.length >= 2);
        boolean refused = false;
        for (File e : events) {
            Decision d = applyAndPreview(record, read(e), e.getName());
            refused |= !d.accepted();
        }
        assertTrue(refused, "a sample event is refused");
    }

    /** The golden documents of tests/golden read as the typed results. */
    @Test
    void theGoldenDocuments() throws IOException {
        File[] golden = new File(root, "tests/golden").listFiles((d, n) -> n.endsWith(".json"));
        assertNotNull(golden);
        int n = 0;
        for (File g : golden) {
            String text = read(g);
            if (g.getName().endsWith(".check.json")) {
                assertCheck(new CheckResult(text), text, g.getName());
                n++;
            } else if (g.getName().contains(".apply-")) {
                assertDecision(Decision.ofApply(text), text, true, g.getName());
                n++;
            }
        }
        assertTrue(n >= 8, n + " golden documents");
    }

    @Test
    void aFindingWithADueDate() {
        // A contract signed, never filed: the Art 29 filing deadline comes as a deadline
        // and, past it, as a finding with its due date.
        boolean sawDue = false;
        boolean sawDeadline = false;
        for (File f : sampleRecords()) {
            String record;
            try {
                record = read(f);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            CheckResult c = engine.checkResult(record, "{\"as_of\":\"2031-01-02\"}");
            for (Finding x : c.findings()) {
                sawDue |= x.due() != null;
            }
            sawDeadline |= !c.deadlines().isEmpty();
            assertCheck(c, c.json(), f.getName() + " in 2031");
        }
        assertTrue(sawDue, "a finding with a due date in the corpus");
        assertTrue(sawDeadline, "a deadline in the corpus");
    }

    @Test
    void errorsAreThoseOfTheStringMethods() {
        GovitException x = assertThrows(GovitException.class, () -> engine.preview(null, Fixtures.SUBMIT_DEMAND));
        assertEquals(GovitException.NULL_ARGUMENT, x.code());
        x = assertThrows(GovitException.class, () -> engine.preview(Fixtures.PROJECT, null));
        assertEquals(GovitException.NULL_ARGUMENT, x.code());
        x = assertThrows(GovitException.class, () -> engine.preview("{", Fixtures.SUBMIT_DEMAND));
        assertEquals(GovitException.INVALID_JSON, x.code());
        x = assertThrows(GovitException.class, () -> engine.preview(Fixtures.projectWith("state", "nowhere"),
                Fixtures.SUBMIT_DEMAND));
        assertEquals(GovitException.INVALID_INPUT, x.code());
        assertTrue(x.errorJson().contains("state"), x.errorJson());
        x = assertThrows(GovitException.class, () -> engine.applyDecision(Fixtures.PROJECT, "[]"));
        assertEquals(GovitException.INVALID_INPUT, x.code());
        x = assertThrows(GovitException.class, () -> engine.checkResult("{\"id\":1}"));
        assertEquals(GovitException.INVALID_INPUT, x.code());
    }

    @Test
    void aDocumentNotOfTheContractIsAnInternalError() {
        String[] wrong = {
            "{\"accepted\":true,\"state_before\":\"draft\",\"state_after\":\"draft\",\"findings\":[]}", // no project
            "{\"accepted\":\"yes\",\"state_before\":\"draft\",\"state_after\":\"draft\",\"findings\":[],\"project\":{}}",
            "{\"accepted\":true,\"state_before\":\"draft\",\"state_after\":\"draft\",\"project\":{},"
                    + "\"findings\":[{\"rule\":\"r\",\"severity\":\"fatal\",\"message\":\"m\",\"message_en\":\"m\"}]}",
            "{\"accepted\":true,\"state_before\":\"draft\",\"state_after\":\"draft\",\"project\":{},"
                    + "\"findings\":[{\"rule\":\"r\",\"severity\":\"info\",\"message\":\"m\",\"message_en\":\"m\",\"due\":\"2025-13-01\"}]}",
            "[]",
        };
        for (String w : wrong) {
            GovitException x = assertThrows(GovitException.class, () -> Decision.ofApply(w), w);
            assertEquals(GovitException.INTERNAL, x.code(), w);
        }
        assertThrows(GovitException.class, () -> new CheckResult("{\"project_id\":\"x\"}"));
    }

    private static void assertNotEquals(Object a, Object b) {
        assertFalse(a.equals(b), "expected a change: " + a);
    }
}
