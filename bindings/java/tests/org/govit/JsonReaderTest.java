package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The binding's internal JSON reader (JsonReader) on its own: the grammar, escapes, errors. */
class JsonReaderTest {

    private static Object root(String text) {
        return JsonReader.parse(text).root;
    }

    @Test
    void valuesOfEveryKind() {
        Object r = root(" {\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
        Map<?, ?> m = (Map<?, ?>) r;
        assertEquals("x", m.get("s"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertSame(JsonReader.NULL, m.get("n"));
        assertEquals(3, ((List<?>) m.get("a")).size());
        assertEquals("v", ((Map<?, ?>) m.get("o")).get("k"));
        // member order is kept
        assertEquals(Arrays.asList("s", "t", "f", "n", "a", "o"), Arrays.asList(m.keySet().toArray()));
    }

    @Test
    void numbersStayText() {
        List<?> a = (List<?>) root("[3000000.00, 0.10, -0, 1e400, -12.5E-3, 12345678901234567890123]");
        String[] texts = {"3000000.00", "0.10", "-0", "1e400", "-12.5E-3", "12345678901234567890123"};
        for (int i = 0; i < texts.length; i++) {
            assertEquals(texts[i], ((JsonReader.Number) a.get(i)).text);
        }
    }

    @Test
    void escapesAndSurrogatePairs() {
        List<?> a = (List<?>) root("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u66f2\\u961c\", \"\\ud840\\udc00\\uD869\\uDEA5\\ud83d\\ude00\","
                + " \"𠀀𪚥😀 raw\", \"a\\u0000b\", \"\\u00e9t\\u00E9\"]");
        assertEquals("\"\\/\b\f\n\r\t", a.get(0));
        assertEquals("曲阜", a.get(1));
        assertEquals("𠀀𪚥😀", a.get(2));
        assertEquals(3, ((String) a.get(2)).codePointCount(0, ((String) a.get(2)).length()));
        assertEquals("𠀀𪚥😀 raw", a.get(3));
        assertEquals("a\u0000b", a.get(4));
        assertEquals("été", a.get(5));
    }

    @Test
    void rawMembersAreTheExactText() {
        String text = "{ \"accepted\" : true ,\n \"project\" :  {\"id\": \"QF-1\",  \"budget_yuan\":\"1.50\", \"x\":[1, 2]} ,"
                + "\"findings\":[]}";
        JsonReader.Document d = JsonReader.parse(text);
        assertEquals("{\"id\": \"QF-1\",  \"budget_yuan\":\"1.50\", \"x\":[1, 2]}", d.rawMember("project"));
        assertEquals("true", d.rawMember("accepted"));
        assertEquals("[]", d.rawMember("findings"));
        assertNull(d.rawMember("id"), "only members of the root object");
        assertNull(d.rawMember("absent"));
    }

    @Test
    void typedGetters() {
        JsonReader.Obj o = JsonReader.parse("{\"s\":\"x\",\"n\":null,\"i\":14,\"big\":1e3,\"d\":\"2025-02-28\","
                + "\"bad_d\":\"2025-02-30\",\"l\":[\"a\",\"b\"],\"mixed\":[\"a\",1],\"objs\":[{\"k\":1}]}").object("t");
        assertEquals("x", o.string("s"));
        assertNull(o.optString("n"));
        assertNull(o.optString("absent"));
        assertEquals(Integer.valueOf(14), o.optInteger("i"));
        assertNull(o.optInteger("n"));
        assertEquals(java.time.LocalDate.of(2025, 2, 28), o.date("d"));
        assertEquals(Arrays.asList("a", "b"), o.strings("l"));
        assertTrue(o.optStrings("absent").isEmpty());
        assertEquals("$.objs[0]", o.objects("objs").get(0).path);
        String[] wrong = {"n", "absent", "i"};
        for (String k : wrong) {
            GovitException x = assertThrows(GovitException.class, () -> o.string(k));
            assertEquals(GovitException.INTERNAL, x.code());
            assertTrue(x.errorJson().contains("$." + k), x.errorJson());
        }
        assertThrows(GovitException.class, () -> o.optInteger("big"));
        assertThrows(GovitException.class, () -> o.date("bad_d"));
        assertThrows(GovitException.class, () -> o.strings("mixed"));
        assertThrows(GovitException.class, () -> o.objects("l"));
        assertThrows(GovitException.class, () -> o.bool("s"));
    }

    @Test
    void malformedTextIsAnInternalError() {
        String[] bad = {
            "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "1.", ".5", "-",
            "1e", "+1", "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "tru", "nul",
            "{\"a\":1,\"a\":2}", "[1] 2", "\"\\ud840\"", "\"\\udc00\\ud840\"", "\"\\ud840x\"",
            "'a'", "[NaN]", "{\"a\":1}}", "\u00a0[]",
        };
        for (String text : bad) {
            GovitException x = assertThrows(GovitException.class, () -> JsonReader.parse(text), text);
            assertEquals(GovitException.INTERNAL, x.code(), text);
            assertTrue(x.errorJson().startsWith("{\"error\":{\"code\":\"internal\""), x.errorJson());
            // the error document is itself well-formed JSON
            JsonReader.parse(x.errorJson());
        }
        assertThrows(GovitException.class, () -> JsonReader.parse(null));
    }

    @Test
    void nestingIsBounded() {
        StringBuilder ok = new StringBuilder();
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < JsonReader.MAX_DEPTH; i++) {
            ok.append('[');
        }
        for (int i = 0; i < JsonReader.MAX_DEPTH; i++) {
            ok.append(']');
        }
        JsonReader.parse(ok.toString());
        for (int i = 0; i < 100_000; i++) {
            deep.append('[');
        }
        GovitException x = assertThrows(GovitException.class, () -> JsonReader.parse(deep.toString()));
        assertTrue(x.errorJson().contains("nested deeper"), x.errorJson());
    }

    /** Whatever the test reader (Json, written separately) reads, this one reads the same. */
    @Test
    void agreesWithTheTestReaderOnKernelOutput() {
        try (GovitEngine e = new GovitEngine()) {
            String[] docs = {
                e.check(Fixtures.PROJECT), e.apply(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND),
                e.rules(), e.dayInfo("2031-01-01"), e.verify(Fixtures.PROJECT),
            };
            for (String doc : docs) {
                assertEquals(Json.parse(doc), normalise(JsonReader.parse(doc).root), doc);
            }
        }
    }

    /** JsonReader's tree in the test reader's types (BigDecimal numbers, Json.NULL). */
    static Object normalise(Object v) {
        if (v == JsonReader.NULL) {
            return Json.NULL;
        }
        if (v instanceof JsonReader.Number) {
            return new java.math.BigDecimal(((JsonReader.Number) v).text);
        }
        if (v instanceof Map) {
            Map<String, Object> m = new java.util.LinkedHashMap<String, Object>();
            for (Map.Entry<?, ?> x : ((Map<?, ?>) v).entrySet()) {
                m.put((String) x.getKey(), normalise(x.getValue()));
            }
            return m;
        }
        if (v instanceof List) {
            List<Object> l = new java.util.ArrayList<Object>();
            for (Object x : (List<?>) v) {
                l.add(normalise(x));
            }
            return l;
        }
        return v;
    }
}
