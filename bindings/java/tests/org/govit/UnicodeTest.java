package org.govit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text crosses the boundary as standard UTF-8, so characters outside the Basic Multilingual
 * Plane (rare CJK in personal and place names, emoji) come back exactly as they went in —
 * which JNI's modified UTF-8 ({@code GetStringUTFChars}/{@code NewStringUTF}) would not do.
 */
class UnicodeTest {
    /** CJK Extension B 𠀀 (U+20000), 𪚥 (U+2A6A5), an emoji, and BMP Chinese and Latin. */
    static final String NAME = "曲阜市𠀀𪚥智慧文旅平台😀";
    static final String NOTE = "经办人：王𠀀𪚥 · 审核 ✓ · café · 😀👍🏽 · \u0007 tab\tand \"quotes\"";

    private static GovitEngine engine;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void encoderMatchesTheJdkOnWellFormedText() {
        String[] samples = {"", "ascii", "曲阜", NAME, NOTE, "\uD83D\uDE00", "é", "\u07FF\u0800\uFFFF",
            "\uD800\uDC00\uDBFF\uDFFF"};
        for (String s : samples) {
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s, 3), s);
            assertEquals(s, Utf8.decode(Utf8.encode(s, 3)));
        }
        // A supplementary character is 4 bytes in UTF-8 (6 in JNI's modified UTF-8).
        assertEquals(4, Utf8.encode("𠀀", 3).length);
    }

    @Test
    void stringCallsConvertAsTheJdk() {
        // The glue converts String arguments and results itself (8 or 4 ASCII units at a time, then
        // one by one): every length and mix must give what the UTF-8 byte calls give.
        String[] samples = {"", "a", "abc", "abcd", "abcde", "abcdefgh1", "é", "ab\u00e9cd", "\u07FF\u0800\uFFFF",
            "曲阜", "abc曲阜defgh", NAME, NOTE, "\uD83D\uDE00", "x\uD800\uDC00\uDBFF\uDFFFyz",
            "0123456789abcdef0123456789abcdef曲0123456789abcdef\u007f0123456é0123456789abcdefg"};
        for (String s : samples) {
            Map<String, Object> project = Json.obj(Json.parse(Fixtures.PROJECT));
            project.put("name", "n" + s); // a name is required
            project.put("oa_note", s + "0123456789" + s);
            String input = Json.write(project);
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            byte[] event = Fixtures.SUBMIT_DEMAND.getBytes(StandardCharsets.UTF_8);
            String viaString = engine.apply(input, Fixtures.SUBMIT_DEMAND);
            assertEquals(new String(engine.applyUtf8(bytes, event), StandardCharsets.UTF_8), viaString, s);
            assertEquals("n" + s, Json.str(Json.parse(viaString), "project", "name"));
            assertEquals(new String(engine.checkUtf8(bytes, null), StandardCharsets.UTF_8), engine.check(input), s);
            assertEquals(new String(engine.verifyUtf8(bytes), StandardCharsets.UTF_8), engine.verify(input), s);
        }
        // U+0000 is refused with its UTF-16 index, also after a run of ASCII.
        for (String prefix : new String[] {"", "{", "{\"id\":", "{\"id\":\"曲阜\"", "{\"name\":\"𠀀\"",
            "{\"id\":\"abcde\"", "{\"id\":\"0123456789abcdef\""}) {
            GovitException e = ErrorPathTest.expect(3, () -> engine.check(prefix + "\u0000}"));
            assertTrue(e.errorJson().contains("UTF-16 index " + prefix.length()), e.errorJson());
        }
    }

    @Test
    void nameAndUnknownFieldsRoundTripThroughApply() {
        Map<String, Object> project = Json.obj(Json.parse(Fixtures.PROJECT));
        project.put("name", NAME);
        project.put("oa_note", NOTE); // a field the kernel does not know: kept as it is
        Map<String, Object> extra = new LinkedHashMap<String, Object>();
        extra.put("经办人", "孔𪚥");
        extra.put("emoji😀", "😀");
        List<Object> tags = new ArrayList<Object>();
        tags.add("𠀀");
        tags.add("𪚥");
        tags.add("😀");
        extra.put("tags", tags);
        project.put("oa_extra", extra);
        String input = Json.write(project);

        String result = engine.apply(input, Fixtures.SUBMIT_DEMAND);
        Object r = Json.parse(result);
        assertEquals(Boolean.TRUE, Json.bool(r, "accepted"), result);
        Map<String, Object> out = Json.obj(r, "project");
        assertEquals(NAME, out.get("name"));
        assertEquals(NOTE, out.get("oa_note"));
        assertEquals(extra, out.get("oa_extra"));
        assertArrayEquals(NAME.getBytes(StandardCharsets.UTF_8),
                ((String) out.get("name")).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(NOTE.getBytes(StandardCharsets.UTF_8),
                ((String) out.get("oa_note")).getBytes(StandardCharsets.UTF_8));
        // The kernel writes non-ASCII text as UTF-8, not \\u escapes: the raw text holds the
        // characters themselves, byte for byte.
        assertTrue(result.contains(NAME), "raw UTF-8 name in the result");
        assertTrue(result.contains("孔𪚥"), "raw UTF-8 extra field in the result");

        // And again through a second apply, from the returned record.
        String again = engine.apply(Json.rawMember(result, "project"),
                Fixtures.event("pass_demand_review", "2025-03-17", "big_data_center", Fixtures.BIG_DATA_CENTER,
                        "review_opinion"));
        Object r2 = Json.parse(again);
        assertEquals(Boolean.TRUE, Json.bool(r2, "accepted"), again);
        assertEquals(NAME, Json.str(r2, "project", "name"));
        assertEquals(extra, Json.at(r2, "project", "oa_extra"));
        assertEquals(Boolean.TRUE, Json.bool(Json.parse(engine.verify(Json.rawMember(again, "project"))), "valid"));
    }

    @Test
    void unicodeInIdsAndActors() {
        String id = "曲阜-𠀀-😀-001";
        String owner = "曲阜市𪚥局";
        Map<String, Object> project = Json.obj(Json.parse(Fixtures.PROJECT));
        project.put("id", id);
        project.put("owner_unit", owner);
        String input = Json.write(project);
        assertEquals(id, Json.str(Json.parse(engine.check(input)), "project_id"));
        // The actor's unit must equal owner_unit exactly, supplementary characters included.
        String ok = engine.apply(input, Fixtures.event("submit_demand", "2025-03-03", "construction_unit",
                owner, "party_committee_decision"));
        assertEquals(Boolean.TRUE, Json.bool(Json.parse(ok), "accepted"), ok);
        String other = engine.apply(input, Fixtures.event("submit_demand", "2025-03-03", "construction_unit",
                "曲阜市\uD869\uDEA4局", "party_committee_decision")); // 𪚤, one code point off
        Object r = Json.parse(other);
        assertEquals(Boolean.FALSE, Json.bool(r, "accepted"), other);
        assertTrue(Fixtures.ruleIds(r).contains("auth.unit_mismatch"), other);
    }

    @Test
    void chineseMessagesDecodeCleanly() {
        Object r = Json.parse(engine.apply(Fixtures.PROJECT,
                Fixtures.event("submit_demand", "2025-03-03", "construction_unit", Fixtures.OWNER)));
        Map<String, Object> f = ApiTest.finding(r, "art08.party_committee_decision_missing");
        String message = (String) f.get("message");
        String citation = (String) f.get("citation");
        assertTrue(citation.contains("曲阜市政务信息化项目建设管理办法"), citation);
        assertTrue(message.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), message);
        assertTrue(message.indexOf('\uFFFD') < 0, message);
    }
}
