package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * 100,000 check calls leave resident memory where it was after the warm-up: every result
 * string the kernel returns is freed by the glue, every argument buffer too.
 *
 * <p>Runs in a child JVM whose Java heap is fixed and touched up front
 * ({@code -Xms64m -Xmx64m -XX:+AlwaysPreTouch}), so the heap cannot grow and whatever VmRSS
 * still gains is native memory. A leak of even 64 bytes per call would show as 6 MiB.
 */
class MemoryGrowthTest {
    static final int WARMUP = 20_000;
    static final int CALLS = 100_000;
    /** Allowed growth from the end of the warm-up to the end (JIT and malloc settling). */
    static final long LIMIT_KB = 4 * 1024;

    static long vmRssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(new File("/proc/self/status").toPath(), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void residentMemorySettlesOverCheckCalls() throws Exception {
        probe("check", WARMUP, CALLS);
    }

    /** apply results, error documents with their exceptions, and day_info, 30,000 of each. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void residentMemorySettlesOverApplyAndErrors() throws Exception {
        probe("mixed", 10_000, 30_000);
    }

    private static void probe(String mode, int warmup, int calls) throws Exception {
        List<String> flags = Arrays.asList("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC");
        ChildJvm child = ChildJvm.run(System.getProperty("java.class.path"), flags, null,
                MemoryProbe.class.getName(), String.valueOf(warmup), String.valueOf(calls), mode);
        assertEquals(0, child.exitCode, child.output);
        List<long[]> samples = new ArrayList<long[]>();
        for (String line : child.output.split("\n")) {
            if (line.startsWith("rss ")) {
                String[] f = line.trim().split(" ");
                samples.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        assertEquals(11, samples.size(), child.output);
        long warm = samples.get(0)[1];
        long end = samples.get(samples.size() - 1)[1];
        long peak = warm;
        StringBuilder trace = new StringBuilder();
        for (long[] s : samples) {
            peak = Math.max(peak, s[1]);
            trace.append(String.format("%n  after %,7d calls: VmRSS %,d kB", s[0], s[1]));
        }
        long growth = end - warm;
        System.out.printf("memory (%s): VmRSS after %,d warm-up iterations %,d kB; after %,d more %,d kB;"
                + " growth %+,d kB (%.2f bytes/iteration), peak %,d kB%s%n",
                mode, warmup, warm, calls, end, growth, growth * 1024.0 / calls, peak, trace);
        assertTrue(growth < LIMIT_KB, "VmRSS grew by " + growth + " kB over " + calls + " iterations" + trace);
        // Settled: the second half adds (almost) nothing.
        long mid = samples.get(5)[1];
        assertTrue(end - mid < LIMIT_KB / 2, "VmRSS still growing in the second half: " + trace);
    }
}
