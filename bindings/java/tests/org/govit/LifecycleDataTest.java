package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lifecycle(): the typed view against its JSON, the names and labels against the schemas in
 * the jar (generated from the same declarations), and the transition table against what
 * check offers on the sample records.
 */
class LifecycleDataTest {
    private static GovitEngine engine;
    private static Lifecycle lifecycle;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
        lifecycle = engine.lifecycle();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Object schema(String name) {
        String text = GovitEngine.schema(name);
        assertNotNull(text, name);
        return Json.parse(text);
    }

    static List<String> strings(List<Object> a) {
        return TypedResultsTest.strings(a);
    }

    @Test
    void theTypedViewIsTheDocument() {
        Object r = Json.parse(lifecycle.json());
        List<Object> states = Json.arr(r, "states");
        assertEquals(states.size(), lifecycle.states().size());
        for (int i = 0; i < states.size(); i++) {
            Lifecycle.State s = lifecycle.states().get(i);
            assertEquals(Json.str(states.get(i), "state"), s.name());
            assertEquals(Json.str(states.get(i), "label"), s.label());
            assertEquals(Json.str(states.get(i), "label_en"), s.labelEn());
            assertEquals(Json.bool(states.get(i), "terminal"), s.terminal());
            assertSame(s, lifecycle.state(s.name()));
        }
        List<Object> roles = Json.arr(r, "roles");
        assertEquals(roles.size(), lifecycle.roles().size());
        for (int i = 0; i < roles.size(); i++) {
            assertEquals(Json.str(roles.get(i), "role"), lifecycle.roles().get(i).name());
            assertEquals(Json.str(roles.get(i), "label"), lifecycle.roles().get(i).label());
            assertEquals(Json.str(roles.get(i), "label_en"), lifecycle.roles().get(i).labelEn());
        }
        List<Object> docs = Json.arr(r, "documents");
        assertEquals(docs.size(), lifecycle.documents().size());
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(Json.str(docs.get(i), "document"), lifecycle.documents().get(i).name());
            assertEquals(Json.str(docs.get(i), "label"), lifecycle.documents().get(i).label());
        }
        List<Object> events = Json.arr(r, "events");
        assertEquals(events.size(), lifecycle.events().size());
        for (int i = 0; i < events.size(); i++) {
            Object e = events.get(i);
            Lifecycle.Event t = lifecycle.events().get(i);
            String at = Json.str(e, "event");
            assertEquals(at, t.name());
            assertEquals(Json.str(e, "label"), t.label(), at);
            assertEquals(Json.str(e, "label_en"), t.labelEn(), at);
            assertEquals(strings(Json.arr(e, "roles")), t.roles(), at);
            assertEquals(strings(Json.arr(e, "from")), t.from(), at);
            assertEquals(Boolean.TRUE.equals(Json.bool(e, "from_any_non_terminal")), t.fromAnyNonTerminal(), at);
            if (t.fromAnyNonTerminal()) {
                for (Lifecycle.State s : lifecycle.states()) {
                    assertEquals(!s.terminal(), t.from().contains(s.name()), at + " from " + s.name());
                }
            }
            assertEquals(Json.str(e, "to"), t.to(), at);
            assertEquals(Json.str(e, "to_note"), t.toNote(), at);
            assertEquals(strings(Json.arr(e, "documents")), t.documents(), at);
            assertEquals(strings(Json.arr(e, "rules")), t.rules(), at);
            assertTrue(t.to() != null || t.toNote() != null, at + ": a target or a note");
            List<Object> data = Json.arr(e, "data");
            assertEquals(data.size(), t.data().size(), at);
            for (int j = 0; j < data.size(); j++) {
                assertField(data.get(j), t.data().get(j), at + "." + Json.str(data.get(j), "key"));
            }
            assertSame(t, lifecycle.event(t.name()));
        }
        assertEquals(strings(Json.arr(r, "rules_for_every_event")), lifecycle.rulesForEveryEvent());
        assertFalse(lifecycle.rulesForEveryEvent().isEmpty());
        assertNull(lifecycle.event("no_such_event"));
        assertNull(lifecycle.state("no_such_state"));
    }

    static void assertField(Object f, DataField t, String at) {
        assertEquals(Json.str(f, "key"), t.key(), at);
        assertEquals(Json.str(f, "type"), t.type(), at);
        assertEquals(Boolean.TRUE.equals(Json.bool(f, "required")), t.required(), at);
        assertEquals(Json.str(f, "label"), t.label(), at);
        assertEquals(Json.str(f, "label_en"), t.labelEn(), at);
        List<Object> values = Json.arr(f, "values");
        assertEquals(values == null ? 0 : values.size(), t.values().size(), at);
        for (int k = 0; values != null && k < values.size(); k++) {
            assertEquals(Json.str(values.get(k), "value"), t.values().get(k).value(), at);
            assertEquals(Json.str(values.get(k), "label"), t.values().get(k).label(), at);
            assertEquals(Json.str(values.get(k), "label_en"), t.values().get(k).labelEn(), at);
        }
        if (!t.values().isEmpty()) {
            assertEquals("code", t.type(), at + ": values belong to a code");
        }
        Object items = Json.at(f, "items");
        assertEquals(items != null, t.items() != null, at);
        if (items != null) {
            assertField(items, t.items(), at + "[]");
        }
    }

    /** Names and labels as in the schemas, which the kernel generates from the same declarations. */
    @Test
    void namesAndLabelsAreTheSchemas() {
        Object event = schema("event");
        Object project = schema("project");
        assertNamed(Json.obj(project, "$defs", "state"), lifecycleNames("state"), "states");
        assertNamed(Json.obj(event, "$defs", "event_type"), lifecycleNames("event"), "events");
        assertNamed(Json.obj(event, "$defs", "role"), lifecycleNames("role"), "roles");
        assertNamed(Json.obj(event, "$defs", "document_kind"), lifecycleNames("document"), "documents");
    }

    /** name → [label, label_en] of one lifecycle list. */
    static Map<String, String[]> lifecycleNames(String kind) {
        Map<String, String[]> m = new java.util.LinkedHashMap<String, String[]>();
        if (kind.equals("state")) {
            for (Lifecycle.State s : lifecycle.states()) {
                m.put(s.name(), new String[] {s.label(), s.labelEn()});
            }
        } else if (kind.equals("event")) {
            for (Lifecycle.Event s : lifecycle.events()) {
                m.put(s.name(), new String[] {s.label(), s.labelEn()});
            }
        } else if (kind.equals("role")) {
            for (Lifecycle.Role s : lifecycle.roles()) {
                m.put(s.name(), new String[] {s.label(), s.labelEn()});
            }
        } else {
            for (Lifecycle.Document s : lifecycle.documents()) {
                m.put(s.name(), new String[] {s.label(), s.labelEn()});
            }
        }
        return m;
    }

    static void assertNamed(Map<String, Object> def, Map<String, String[]> names, String what) {
        assertNotNull(def, what);
        List<String> expected = strings(Json.arr(def, "enum"));
        assertEquals(new LinkedHashSet<String>(expected), names.keySet(), what);
        for (String n : expected) {
            String zh = Json.str(def, "x-labels", n);
            String en = Json.str(def, "x-labels-en", n);
            if (zh != null) {
                assertEquals(zh, names.get(n)[0], what + " " + n);
            }
            if (en != null) {
                assertEquals(en, names.get(n)[1], what + " " + n);
            }
        }
    }

    /** Each event's data fields are the properties of its data schema, required where it says. */
    @Test
    void eachEventsDataIsItsSchema() {
        int compared = 0;
        for (Lifecycle.Event e : lifecycle.events()) {
            String text = GovitEngine.schema("data-" + e.name());
            Set<String> keys = new LinkedHashSet<String>();
            Set<String> required = new LinkedHashSet<String>();
            for (DataField f : e.data()) {
                assertTrue(keys.add(f.key()), e.name() + ": " + f.key() + " twice");
                if (f.required()) {
                    required.add(f.key());
                }
                if ("code".equals(f.type())) {
                    assertFalse(f.values().isEmpty(), e.name() + "." + f.key() + ": a code has values");
                }
            }
            for (String d : e.documents()) {
                assertNotNull(lifecycle.document(d), e.name() + " carries " + d);
            }
            for (String r : e.roles()) {
                assertNotNull(lifecycle.role(r), e.name() + " by " + r);
            }
            for (String s : e.from()) {
                assertNotNull(lifecycle.state(s), e.name() + " from " + s);
            }
            if (e.to() != null) {
                assertNotNull(lifecycle.state(e.to()), e.name() + " to " + e.to());
            }
            if (text == null) {
                continue;
            }
            Object schema = Json.parse(text);
            Set<String> schemaKeys = new LinkedHashSet<String>(Json.obj(schema, "properties").keySet());
            keys.remove("documents");
            schemaKeys.remove("documents");
            // Read from 0.1 records only, and not offered on a form (Art 34, 41).
            if (e.name().equals("complete_rectification")) {
                schemaKeys.remove("compliant");
            }
            if (e.name().equals("pass_final_acceptance")) {
                schemaKeys.remove("delegated");
            }
            assertEquals(schemaKeys, keys, e.name() + ": data keys = data-" + e.name() + ".schema.json");
            assertEquals(new LinkedHashSet<String>(strings(Json.arr(schema, "required"))), required,
                    e.name() + ": required keys");
            compared++;
        }
        assertTrue(compared >= 20, compared + " data schemas compared");
    }

    /** What check allows and offers is what the table says, on every sample record and role. */
    @Test
    void checkAgreesWithTheTable() throws IOException {
        int steps = 0;
        for (File f : TypedResultsTest.sampleRecords()) {
            String record = TypedResultsTest.read(f);
            Object rec = Json.parse(record);
            String date = TypedResultsTest.lastDate(rec);
            for (Lifecycle.Role role : lifecycle.roles()) {
                CheckResult c = engine.checkResult(record, TypedResultsTest.options(date, role.name(),
                        TypedResultsTest.unit(rec, role.name())));
                String where = f.getName() + " as " + role.name();
                assertTrue(c.hasNextSteps(), where);
                for (String e : c.allowedEvents()) {
                    assertTrue(lifecycle.event(e).allows(role.name(), c.state()),
                            where + ": " + e + " allowed in " + c.state());
                }
                for (NextStep s : c.nextSteps()) {
                    Lifecycle.Event e = lifecycle.event(s.event());
                    assertNotNull(e, where + ": " + s.event());
                    assertTrue(e.allows(role.name(), c.state()), where + ": " + s.event());
                    assertEquals(e.label(), s.label(), where);
                    assertEquals(e.labelEn(), s.labelEn(), where);
                    if (e.to() != null) {
                        assertEquals(e.to(), s.to(), where + ": " + s.event());
                    }
                    for (String d : s.documents()) {
                        assertTrue(e.documents().contains(d), where + ": " + s.event() + " carries " + d);
                    }
                    steps++;
                }
            }
        }
        assertTrue(steps >= 20, steps + " next steps");
    }

    @Test
    void theSameEveryTimeAndAfterCloseRefused() {
        assertEquals(lifecycle.json(), engine.lifecycle().json());
        GovitEngine e = new GovitEngine("{\"locale\":\"en\"}");
        List<String> names = new ArrayList<String>();
        for (Lifecycle.Event x : e.lifecycle().events()) {
            names.add(x.name());
        }
        assertTrue(names.contains("submit_demand"), names.toString());
        e.close();
        IllegalStateException x = assertThrows(IllegalStateException.class, e::lifecycle);
        assertEquals("GovitEngine is closed", x.getMessage());
    }
}
