package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** One engine shared by 8 Java threads; close() racing with calls in flight. */
class ConcurrencyTest {
    static final int THREADS = 8;

    /** One call on a shared engine; its answer as text ("!code" for a GovitException). */
    interface Call {
        String run(GovitEngine e);
    }

    static List<Call> workload() {
        final String approved;
        try (GovitEngine e = new GovitEngine()) {
            approved = Fixtures.walk(e, Fixtures.PROJECT, Fixtures.toApproved());
        }
        final List<String> events = Fixtures.toApproved();
        List<Call> calls = new ArrayList<Call>();
        calls.add(e -> e.check(Fixtures.PROJECT));
        calls.add(e -> e.check(approved, "{\"as_of\":\"2026-06-30\"}"));
        calls.add(e -> e.apply(Fixtures.PROJECT, events.get(0)));
        calls.add(e -> e.apply(Fixtures.PROJECT, events.get(4))); // refused: wrong state
        calls.add(e -> e.verify(approved));
        calls.add(e -> e.dayInfo("2025-10-01"));
        calls.add(e -> e.addWorkingDays("2025-09-30", 10));
        calls.add(e -> e.rules());
        calls.add(e -> e.apply(Fixtures.projectWith("name", UnicodeTest.NAME), events.get(0)));
        calls.add(e -> {
            try {
                return e.check("{\"id\":");
            } catch (GovitException x) {
                return "!" + x.code() + x.errorJson();
            }
        });
        calls.add(e -> {
            try {
                return e.dayInfo("2025-02-30");
            } catch (GovitException x) {
                return "!" + x.code() + x.errorJson();
            }
        });
        return calls;
    }

    @Test
    void eightThreadsGetTheSerialAnswers() throws Exception {
        final List<Call> calls = workload();
        try (final GovitEngine engine = new GovitEngine()) {
            final List<String> expected = new ArrayList<String>();
            for (Call c : calls) {
                expected.add(c.run(engine));
            }
            final int rounds = 300;
            final CountDownLatch start = new CountDownLatch(1);
            final AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<Future<Integer>>();
                for (int t = 0; t < THREADS; t++) {
                    final int offset = t;
                    results.add(pool.submit(new Callable<Integer>() {
                        @Override
                        public Integer call() throws Exception {
                            start.await();
                            int mismatches = 0;
                            for (int r = 0; r < rounds; r++) {
                                // each thread walks the workload from a different place
                                for (int i = 0; i < calls.size(); i++) {
                                    int k = (i + offset + r) % calls.size();
                                    if (!expected.get(k).equals(calls.get(k).run(engine))) {
                                        mismatches++;
                                    }
                                    done.incrementAndGet();
                                }
                            }
                            return mismatches;
                        }
                    }));
                }
                start.countDown();
                int mismatches = 0;
                for (Future<Integer> f : results) {
                    mismatches += f.get(300, TimeUnit.SECONDS);
                }
                System.out.println("concurrency: " + done.get() + " calls on 8 threads, "
                        + mismatches + " differing from the serial answers");
                assertEquals(0, mismatches);
                assertEquals((long) THREADS * rounds * calls.size(), done.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeRacingWithCallsNeverFreesMemoryInUse() throws Exception {
        final String expected;
        try (GovitEngine e = new GovitEngine()) {
            expected = e.check(Fixtures.PROJECT);
        }
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
        for (int round = 0; round < 25; round++) {
            final GovitEngine engine = new GovitEngine();
            final CountDownLatch started = new CountDownLatch(THREADS);
            List<Thread> threads = new ArrayList<Thread>();
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    started.countDown();
                    while (true) {
                        try {
                            if (!expected.equals(engine.check(Fixtures.PROJECT))) {
                                wrong.incrementAndGet();
                            }
                            answered.incrementAndGet();
                        } catch (IllegalStateException closed) {
                            refused.incrementAndGet();
                            return;
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            started.await();
            Thread.sleep(5 + round % 7);
            engine.close(); // waits for calls in flight; later calls throw
            if (round % 2 == 0) {
                engine.close(); // and a second close from the closing thread is harmless
            }
            for (Thread th : threads) {
                th.join(60_000);
                assertTrue(!th.isAlive(), "worker finished");
            }
            assertThrows(IllegalStateException.class, () -> engine.check(Fixtures.PROJECT));
        }
        System.out.println("close race: " + answered.get() + " calls answered, " + refused.get()
                + " refused after close, " + wrong.get() + " wrong");
        assertEquals(0, wrong.get());
        assertEquals(25 * THREADS, refused.get());
    }
}
