package org.govit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The UTF-8 byte API ({@code checkUtf8}, {@code applyUtf8}, {@code verifyUtf8}): the same
 * answers as the String methods byte for byte, the same errors, the same lifecycle.
 */
class Utf8ApiTest {
    static final String OPTIONS = "{\"as_of\":\"2025-03-10\"}";

    private static GovitEngine engine;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** {@link Fixtures#PROJECT} with Chinese, supplementary-plane CJK and emoji, known and unknown fields. */
    static String unicodeProject() {
        Map<String, Object> project = Json.obj(Json.parse(Fixtures.PROJECT));
        project.put("name", UnicodeTest.NAME);
        project.put("oa_note", UnicodeTest.NOTE);
        Map<String, Object> extra = new LinkedHashMap<String, Object>();
        extra.put("经办人", "孔𪚥");
        extra.put("emoji😀", "😀👍🏽");
        List<Object> tags = new ArrayList<Object>();
        tags.add("𠀀");
        tags.add("𪚥");
        extra.put("tags", tags);
        project.put("oa_extra", extra);
        return Json.write(project);
    }

    /** A record with {@code bad} spliced into the value of {@code name} (bytes, not a String). */
    static byte[] projectWithNameBytes(byte[] bad) {
        String marker = "NAME-MARKER";
        String p = Fixtures.projectWith("name", marker);
        int at = p.indexOf(marker);
        return concat(utf8(p.substring(0, at)), bad, utf8(p.substring(at + marker.length())));
    }

    // ---- the same answers as the String methods, byte for byte ----

    @Test
    void checkGivesTheBytesOfTheStringMethod() {
        for (String p : new String[] {Fixtures.PROJECT, unicodeProject()}) {
            assertArrayEquals(utf8(engine.check(p, OPTIONS)), engine.checkUtf8(utf8(p), utf8(OPTIONS)));
            assertArrayEquals(utf8(engine.check(p, null)), engine.checkUtf8(utf8(p), null));
            assertArrayEquals(utf8(engine.check(p)), engine.checkUtf8(utf8(p)));
        }
        Object r = Json.parse(text(engine.checkUtf8(utf8(unicodeProject()), utf8(OPTIONS))));
        assertEquals("draft", Json.str(r, "state"));
        assertEquals("QF-2025-001", Json.str(r, "project_id"));
    }

    @Test
    void applyGivesTheBytesOfTheStringMethodAndKeepsUnicodeExactly() {
        String p = unicodeProject();
        byte[] result = engine.applyUtf8(utf8(p), utf8(Fixtures.SUBMIT_DEMAND));
        assertArrayEquals(utf8(engine.apply(p, Fixtures.SUBMIT_DEMAND)), result);
        Object r = Json.parse(text(result));
        assertEquals(Boolean.TRUE, Json.bool(r, "accepted"));
        Map<String, Object> out = Json.obj(r, "project");
        assertEquals(UnicodeTest.NAME, out.get("name"));
        assertEquals(UnicodeTest.NOTE, out.get("oa_note"));
        assertEquals(Json.obj(Json.parse(p)).get("oa_extra"), out.get("oa_extra"));
        // The raw result holds the standard UTF-8 of the name (4 bytes per supplementary
        // character), not JNI's modified UTF-8 (6 bytes) nor \\u escapes.
        assertTrue(indexOf(result, utf8(UnicodeTest.NAME)) >= 0, "raw UTF-8 name in the result");
        assertTrue(indexOf(result, utf8("😀👍🏽")) >= 0, "raw UTF-8 emoji in the result");

        // A refused event: the same bytes both ways, record unchanged.
        String early = Fixtures.event("approve", "2025-03-03", "big_data_center", Fixtures.BIG_DATA_CENTER);
        byte[] refused = engine.applyUtf8(utf8(p), utf8(early));
        assertArrayEquals(utf8(engine.apply(p, early)), refused);
        assertEquals(Boolean.FALSE, Json.bool(Json.parse(text(refused)), "accepted"));
    }

    @Test
    void walkToApprovedOnBytesThenVerify() {
        byte[] current = utf8(unicodeProject());
        for (String e : Fixtures.toApproved()) {
            byte[] result = engine.applyUtf8(current, utf8(e));
            assertArrayEquals(utf8(engine.apply(text(current), e)), result);
            assertEquals(Boolean.TRUE, Json.bool(Json.parse(text(result)), "accepted"), text(result));
            current = utf8(Json.rawMember(text(result), "project"));
        }
        assertEquals("approved", Json.str(Json.parse(text(current)), "state"));
        byte[] v = engine.verifyUtf8(current);
        assertArrayEquals(utf8(engine.verify(text(current))), v);
        assertEquals(Boolean.TRUE, Json.bool(Json.parse(text(v)), "valid"), text(v));

        // Tampered history: found the same way.
        Map<String, Object> p = Json.obj(Json.parse(text(current)));
        p.put("budget_yuan", "9000000.00");
        String tampered = Json.write(p);
        byte[] tv = engine.verifyUtf8(utf8(tampered));
        assertArrayEquals(utf8(engine.verify(tampered)), tv);
    }

    @Test
    void argumentsAreNotChangedAndEachResultIsANewArray() {
        byte[] p = utf8(unicodeProject());
        byte[] copy = p.clone();
        byte[] a = engine.checkUtf8(p, utf8(OPTIONS));
        byte[] b = engine.checkUtf8(p, utf8(OPTIONS));
        assertArrayEquals(copy, p);
        assertArrayEquals(a, b);
        assertNotSame(a, b);
    }

    // ---- errors: the codes of the String methods ----

    @Test
    void nullArguments() {
        byte[] p = utf8(Fixtures.PROJECT);
        ErrorPathTest.expect(1, () -> engine.checkUtf8(null));
        ErrorPathTest.expect(1, () -> engine.checkUtf8(null, utf8(OPTIONS)));
        ErrorPathTest.expect(1, () -> engine.checkUtf8(null, null));
        ErrorPathTest.expect(1, () -> engine.applyUtf8(null, utf8(Fixtures.SUBMIT_DEMAND)));
        ErrorPathTest.expect(1, () -> engine.applyUtf8(p, null));
        ErrorPathTest.expect(1, () -> engine.verifyUtf8(null));
        // optionsJson may be null: the defaults.
        assertEquals("draft", Json.str(Json.parse(text(engine.checkUtf8(p, null))), "state"));
    }

    @Test
    void invalidUtf8IsCode2() {
        byte[][] bad = {
            {(byte) 0x80},                                     // a lone continuation byte
            {(byte) 0xC0, (byte) 0xAF},                        // overlong '/'
            {(byte) 0xE6, (byte) 0x9B},                        // 曲 cut short
            {(byte) 0xF0, (byte) 0xA0, (byte) 0x80},           // 𠀀 cut short
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},           // a surrogate (CESU-8)
            // 𠀀 in JNI's modified UTF-8: two 3-byte surrogates instead of 4 bytes
            {(byte) 0xED, (byte) 0xA1, (byte) 0x80, (byte) 0xED, (byte) 0xB0, (byte) 0x80},
            {(byte) 0xFF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        };
        for (byte[] b : bad) {
            final byte[] p = projectWithNameBytes(b);
            GovitException e = ErrorPathTest.expect(2, () -> engine.checkUtf8(p));
            assertEquals("invalid_utf8", Json.str(Json.parse(e.errorJson()), "error", "code"));
            ErrorPathTest.expect(2, () -> engine.checkUtf8(p, utf8(OPTIONS)));
            ErrorPathTest.expect(2, () -> engine.applyUtf8(p, utf8(Fixtures.SUBMIT_DEMAND)));
            ErrorPathTest.expect(2, () -> engine.verifyUtf8(p));
        }
        byte[] p = utf8(Fixtures.PROJECT);
        byte[] badOptions = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, '"', '}'};
        ErrorPathTest.expect(2, () -> engine.checkUtf8(p, badOptions));
        byte[] badEvent = concat(utf8(Fixtures.SUBMIT_DEMAND.substring(0, 10)), new byte[] {(byte) 0xFE},
                utf8(Fixtures.SUBMIT_DEMAND.substring(10)));
        ErrorPathTest.expect(2, () -> engine.applyUtf8(p, badEvent));
        // The engine still answers.
        assertEquals("draft", Json.str(Json.parse(text(engine.checkUtf8(p))), "state"));
    }

    @Test
    void nulByteIsRefusedNotTruncated() {
        byte[] p = utf8(Fixtures.PROJECT);
        // Cut at the NUL, the text would be the valid record: it must not be judged as such.
        byte[] trailing = concat(p, new byte[] {0}, utf8("garbage"));
        GovitException e = expectNul(() -> engine.checkUtf8(trailing));
        assertTrue(e.errorJson().contains("byte offset " + p.length), e.errorJson());
        expectNul(() -> engine.checkUtf8(trailing, utf8(OPTIONS)));
        expectNul(() -> engine.applyUtf8(trailing, utf8(Fixtures.SUBMIT_DEMAND)));
        expectNul(() -> engine.verifyUtf8(trailing));
        expectNul(() -> engine.checkUtf8(projectWithNameBytes(new byte[] {'a', 0, 'b'})));
        expectNul(() -> engine.checkUtf8(p, new byte[] {'{', '}', 0}));
        expectNul(() -> engine.applyUtf8(p, new byte[] {0}));
        expectNul(() -> engine.applyUtf8(p, concat(utf8(Fixtures.SUBMIT_DEMAND), new byte[] {0})));
        // The String methods give the same code for U+0000.
        assertEquals(expectNul(() -> engine.check(Fixtures.PROJECT + "\u0000garbage")).code(), e.code());
    }

    static GovitException expectNul(Executable call) {
        GovitException e = assertThrows(GovitException.class, call);
        assertTrue(e.code() == 3 || e.code() == 4, e.getMessage());
        return ErrorPathTest.expect(e.code(), call);
    }

    @Test
    void malformedJsonAndInvalidInputGiveTheErrorsOfTheStringMethods() {
        String[] bad = {"{", "", "[1,2", "{\"id\":}", Fixtures.projectWith("state", "no_such_state"),
            Fixtures.projectWith("budget_yuan", "-1.00")};
        for (String s : bad) {
            GovitException viaString = assertThrows(GovitException.class, () -> engine.check(s, OPTIONS));
            GovitException viaBytes = assertThrows(GovitException.class,
                    () -> engine.checkUtf8(utf8(s), utf8(OPTIONS)));
            assertEquals(viaString.code(), viaBytes.code(), s);
            assertEquals(viaString.errorJson(), viaBytes.errorJson(), s);
            GovitException applyViaBytes = assertThrows(GovitException.class,
                    () -> engine.applyUtf8(utf8(s), utf8(Fixtures.SUBMIT_DEMAND)));
            assertEquals(assertThrows(GovitException.class, () -> engine.apply(s, Fixtures.SUBMIT_DEMAND))
                    .errorJson(), applyViaBytes.errorJson(), s);
        }
        ErrorPathTest.expect(3, () -> engine.checkUtf8(utf8(Fixtures.PROJECT), utf8("{")));
        ErrorPathTest.expect(3, () -> engine.applyUtf8(utf8(Fixtures.PROJECT), utf8("nope")));
    }

    @Test
    void inputTooLargeCountsTheBytes() {
        try (GovitEngine small = new GovitEngine("{\"max_input_bytes\":2048}")) {
            StringBuilder pad = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                pad.append('曲');
            }
            byte[] big = utf8(Fixtures.projectWith("oa_padding", pad.toString()));
            assertTrue(big.length > 2048);
            ErrorPathTest.expect(5, () -> small.checkUtf8(big));
            ErrorPathTest.expect(5, () -> small.applyUtf8(big, utf8(Fixtures.SUBMIT_DEMAND)));
            ErrorPathTest.expect(5, () -> small.verifyUtf8(big));
            assertEquals("draft", Json.str(Json.parse(text(small.checkUtf8(utf8(Fixtures.PROJECT)))), "state"));
        }
    }

    // ---- lifecycle and threads ----

    @Test
    void useAfterClose() {
        GovitEngine e = new GovitEngine();
        byte[] p = utf8(Fixtures.PROJECT);
        assertEquals("draft", Json.str(Json.parse(text(e.checkUtf8(p))), "state"));
        e.close();
        Executable[] calls = {
            () -> e.checkUtf8(p),
            () -> e.checkUtf8(p, utf8(OPTIONS)),
            () -> e.applyUtf8(p, utf8(Fixtures.SUBMIT_DEMAND)),
            () -> e.verifyUtf8(p),
            () -> e.checkUtf8(null), // the closed engine is found before the argument is judged
        };
        for (Executable c : calls) {
            IllegalStateException x = assertThrows(IllegalStateException.class, c);
            assertEquals("GovitEngine is closed", x.getMessage());
        }
    }

    @Test
    void bytesAndStringsFromManyThreadsGiveTheSerialAnswers() throws Exception {
        final String p = unicodeProject();
        final byte[] pb = utf8(p);
        final byte[] expectedCheck = utf8(engine.check(p, OPTIONS));
        final byte[] expectedApply = utf8(engine.apply(p, Fixtures.SUBMIT_DEMAND));
        final AtomicReference<Throwable> failure = new AtomicReference<Throwable>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            final boolean bytes = t % 2 == 0;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        byte[] c = bytes ? engine.checkUtf8(pb, utf8(OPTIONS)) : utf8(engine.check(p, OPTIONS));
                        byte[] a = bytes ? engine.applyUtf8(pb, utf8(Fixtures.SUBMIT_DEMAND))
                                : utf8(engine.apply(p, Fixtures.SUBMIT_DEMAND));
                        assertArrayEquals(expectedCheck, c);
                        assertArrayEquals(expectedApply, a);
                    }
                } catch (Throwable x) {
                    failure.compareAndSet(null, x);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
