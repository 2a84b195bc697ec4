package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** close(), use after close, and the cleaner for engines nobody closed. */
class LifecycleTest {

    @Test
    void everyMethodThrowsAfterClose() {
        GovitEngine e = new GovitEngine();
        e.check(Fixtures.PROJECT);
        e.close();
        assertTrue(e.isClosed());
        Executable[] calls = {
            () -> e.check(Fixtures.PROJECT),
            () -> e.check(Fixtures.PROJECT, "{}"),
            () -> e.apply(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND),
            () -> e.verify(Fixtures.PROJECT),
            () -> e.dayInfo("2025-03-03"),
            () -> e.addWorkingDays("2025-03-03", 10),
            () -> e.rules(),
            () -> e.preview(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND),
            () -> e.applyDecision(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND),
            () -> e.checkResult(Fixtures.PROJECT),
            () -> e.checkResult(Fixtures.PROJECT, "{}"),
            () -> e.lifecycle(),
            // arguments are not looked at either: closed is closed
            () -> e.check(null),
            () -> e.apply("{", null),
        };
        for (Executable call : calls) {
            IllegalStateException x = assertThrows(IllegalStateException.class, call);
            assertEquals("GovitEngine is closed", x.getMessage());
        }
        // Static functions do not need an engine.
        assertEquals(1, GovitEngine.abiVersion());
    }

    @Test
    void closeTwiceIsHarmless() {
        GovitEngine e = new GovitEngine();
        e.close();
        e.close();
        assertTrue(e.isClosed());
        assertThrows(IllegalStateException.class, () -> e.rules());
    }

    @Test
    void tryWithResources() {
        GovitEngine outside;
        try (GovitEngine e = new GovitEngine()) {
            outside = e;
            assertFalse(e.isClosed());
            assertTrue(e.rules().length() > 0);
        }
        assertTrue(outside.isClosed());
    }

    @Test
    void closeUnregistersFromTheCleaner() {
        int before = EngineCleaner.pending();
        GovitEngine[] engines = new GovitEngine[50];
        for (int i = 0; i < engines.length; i++) {
            engines[i] = new GovitEngine();
        }
        assertTrue(EngineCleaner.pending() >= before + engines.length);
        for (GovitEngine e : engines) {
            e.close();
        }
        assertTrue(EngineCleaner.pending() <= before, "closed engines are not left for the cleaner");
    }

    @Test
    void cleanerFreesEnginesNobodyClosed() throws InterruptedException {
        long freedBefore = EngineCleaner.FREED_BY_CLEANER.get();
        final int n = 200;
        abandon(n);
        long deadline = System.currentTimeMillis() + 30_000;
        while (EngineCleaner.FREED_BY_CLEANER.get() - freedBefore < n
                && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        long freed = EngineCleaner.FREED_BY_CLEANER.get() - freedBefore;
        System.out.println("cleaner freed " + freed + " of " + n + " abandoned engines");
        assertTrue(freed >= n, "cleaner freed " + freed + " of " + n);
    }

    /** Creates engines, uses them, and drops every reference without close(). */
    private static void abandon(int n) {
        for (int i = 0; i < n; i++) {
            GovitEngine e = new GovitEngine();
            e.dayInfo("2025-03-03");
        }
    }

    @Test
    void manyEnginesOpenAndClose() {
        for (int i = 0; i < 2_000; i++) {
            try (GovitEngine e = new GovitEngine(i % 2 == 0 ? null : "{\"locale\":\"en\"}")) {
                if (i % 500 == 0) {
                    assertEquals("draft", Json.str(Json.parse(e.check(Fixtures.PROJECT)), "state"));
                }
            }
        }
    }
}
