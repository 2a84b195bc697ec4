package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every status the kernel can return through Java (include/govit.h) comes back as
 * {@link GovitException} with that code and an error document of the contract's shape.
 */
class ErrorPathTest {
    private static GovitEngine engine;

    @BeforeAll
    static void open() {
        engine = new GovitEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Asserts the status and the error document {"error":{"code","message",...}}. */
    static GovitException expect(int code, Executable call) {
        GovitException e = assertThrows(GovitException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertNotNull(e.errorJson());
        Object doc = Json.parse(e.errorJson());
        assertNotNull(Json.str(doc, "error", "code"), e.errorJson());
        assertNotNull(Json.str(doc, "error", "message"), e.errorJson());
        assertTrue(e.getMessage().startsWith(GovitException.statusName(code)), e.getMessage());
        assertFalse(e.errorJson().contains("\uFFFD"), "no replacement characters: " + e.errorJson());
        return e;
    }

    // ---- GOVIT_NULL_ARGUMENT (1): Java null where a value is required ----

    @Test
    void nullArguments() {
        GovitException e = expect(1, () -> engine.check(null));
        assertEquals("null_argument", Json.str(Json.parse(e.errorJson()), "error", "code"));
        expect(1, () -> engine.check(null, "{}"));
        expect(1, () -> engine.apply(null, Fixtures.SUBMIT_DEMAND));
        expect(1, () -> engine.apply(Fixtures.PROJECT, null));
        expect(1, () -> engine.verify(null));
        expect(1, () -> engine.dayInfo(null));
        expect(1, () -> engine.addWorkingDays(null, 3));
    }

    @Test
    void nullWhereOptionalIsFine() {
        assertNotNull(engine.check(Fixtures.PROJECT, null));
        new GovitEngine(null).close();
    }

    // ---- GOVIT_INVALID_UTF8 (2): a Java string with an unpaired surrogate ----

    @Test
    void unpairedSurrogate() {
        String broken = Fixtures.projectWith("name", "曲阜\uD842平台"); // high surrogate alone
        expect(2, () -> engine.check(broken));
        expect(2, () -> engine.apply(broken, Fixtures.SUBMIT_DEMAND));
        expect(2, () -> engine.verify(broken));
        expect(2, () -> engine.dayInfo("2025-03-0\uDC00"));
        expect(2, () -> new GovitEngine("{\"locale\":\"\uDFFF\"}"));
    }

    @Test
    void unpairedSurrogateIsNotReplacedSilently() {
        byte[] bytes = Utf8.encode("a\uD800b", 3);
        assertTrue(Arrays.equals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}, bytes));
    }

    // ---- GOVIT_INVALID_JSON (3) ----

    @Test
    void malformedJson() {
        GovitException e = expect(3, () -> engine.check("{\"id\":"));
        assertEquals("invalid_json", Json.str(Json.parse(e.errorJson()), "error", "code"));
        expect(3, () -> engine.check(Fixtures.PROJECT, "{as_of: 2025-01-01}"));
        expect(3, () -> engine.apply("[1,2", Fixtures.SUBMIT_DEMAND));
        expect(3, () -> engine.apply(Fixtures.PROJECT, "{\"type\":\"submit_demand\""));
        expect(3, () -> engine.verify("nul"));
        expect(3, () -> engine.check(""));
        expect(3, () -> new GovitEngine("{\"locale\":"));
    }

    @Test
    void nulCharacterCannotCrossTheCBoundary() {
        // U+0000 would cut the C string short; refused on the Java side with the same codes.
        expect(3, () -> engine.check(Fixtures.PROJECT + "\u0000garbage"));
        expect(3, () -> engine.apply(Fixtures.PROJECT, "\u0000"));
        expect(4, () -> engine.dayInfo("2025-03-03\u0000"));
        expect(4, () -> engine.addWorkingDays("\u00002025-03-03", 1));
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            b.append('[');
        }
        String deep = b.toString();
        GovitException e = assertThrows(GovitException.class, () -> engine.check(deep));
        assertTrue(e.code() == 3 || e.code() == 4, e.getMessage());
        assertNotNull(engine.check(Fixtures.PROJECT)); // still usable
    }

    // ---- GOVIT_INVALID_INPUT (4) ----

    @Test
    void invalidInput() {
        GovitException e = expect(4, () -> engine.check(Fixtures.projectWith("state", "no_such_state")));
        assertEquals("invalid_input", Json.str(Json.parse(e.errorJson()), "error", "code"));
        expect(4, () -> engine.check(Fixtures.projectWith("budget_yuan", "-1.00")));
        expect(4, () -> engine.check(Fixtures.projectWithout("id")));
        expect(4, () -> engine.check("[]"));
        expect(4, () -> engine.check(Fixtures.PROJECT, "{\"as_of\":\"2025-02-30\"}"));
        expect(4, () -> engine.apply(Fixtures.PROJECT, "{\"type\":42}"));
        expect(4, () -> engine.apply(Fixtures.PROJECT,
                Fixtures.event("submit_demand", "2025-02-30", "construction_unit", Fixtures.OWNER)));
        expect(4, () -> engine.verify("{\"id\":5}"));
        expect(4, () -> engine.dayInfo("2025-02-30"));
        expect(4, () -> engine.dayInfo("not a date"));
        expect(4, () -> engine.dayInfo(""));
        expect(4, () -> engine.addWorkingDays("2025-13-01", 1));
        expect(4, () -> engine.addWorkingDays("2025-03-03", 100_001)); // |days| <= 100000
        expect(4, () -> engine.addWorkingDays("2025-03-03", Integer.MIN_VALUE));
        expect(4, () -> new GovitEngine("{\"max_input_bytes\":\"lots\"}"));
    }

    @Test
    void invalidInputCarriesAPath() {
        GovitException e = expect(4, () -> engine.check(Fixtures.projectWith("budget_yuan", "-1.00")));
        String path = Json.str(Json.parse(e.errorJson()), "error", "path");
        assertNotNull(path, e.errorJson());
        assertTrue(path.contains("budget_yuan"), e.errorJson());
    }

    // ---- GOVIT_INPUT_TOO_LARGE (5) ----

    @Test
    void inputTooLarge() {
        try (GovitEngine small = new GovitEngine("{\"max_input_bytes\":2048}")) {
            StringBuilder pad = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                pad.append('曲'); // 3 bytes each in UTF-8: the limit counts bytes, not chars
            }
            String big = Fixtures.projectWith("oa_padding", pad.toString());
            assertTrue(big.length() < 2048 && big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 2048,
                    big.length() + " chars");
            GovitException e = expect(5, () -> small.check(big));
            assertEquals("input_too_large", Json.str(Json.parse(e.errorJson()), "error", "code"));
            expect(5, () -> small.check(big, "{}"));
            expect(5, () -> small.apply(big, Fixtures.SUBMIT_DEMAND));
            expect(5, () -> small.verify(big));
            // The same engine still judges a record under the limit.
            assertEquals("draft", Json.str(Json.parse(small.check(Fixtures.PROJECT)), "state"));
        }
    }

    @Test
    void defaultLimitIsFourMebibytes() {
        StringBuilder pad = new StringBuilder(4 * 1024 * 1024 + 16);
        for (int i = 0; i < 4 * 1024 * 1024; i++) {
            pad.append('x');
        }
        expect(5, () -> engine.check(Fixtures.projectWith("oa_padding", pad.toString())));
    }

    // ---- GOVIT_UNSUPPORTED (6) ----

    @Test
    void unsupportedProfile() {
        GovitException e = expect(6, () -> new GovitEngine("{\"profile\":\"beijing-2099\"}"));
        assertEquals("unsupported", Json.str(Json.parse(e.errorJson()), "error", "code"));
    }

    // ---- the exception itself ----

    @Test
    void exceptionApi() {
        GovitException e = new GovitException(GovitException.INTERNAL, (String) null);
        assertEquals(7, e.code());
        assertEquals("internal", Json.str(Json.parse(e.errorJson()), "error", "code"));
        assertEquals("GOVIT_INTERNAL", GovitException.statusName(7));
        assertEquals("GOVIT_INPUT_TOO_LARGE", GovitException.statusName(GovitException.INPUT_TOO_LARGE));
        assertTrue(e instanceof RuntimeException);
        GovitException withDoc = new GovitException(4, "{\"error\":{\"code\":\"invalid_input\",\"message\":\"m\"}}");
        assertEquals("{\"error\":{\"code\":\"invalid_input\",\"message\":\"m\"}}", withDoc.errorJson());
    }

    @Test
    void engineStaysUsableAfterErrors() {
        for (int i = 0; i < 100; i++) {
            assertThrows(GovitException.class, () -> engine.check("{"));
        }
        assertEquals("draft", Json.str(Json.parse(engine.check(Fixtures.PROJECT)), "state"));
    }
}
