package org.govit.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Paths;

/** This JVM's peak memory so far and a thread's CPU time, for the summary (executor sizing) and the benchmark. */
public final class JvmStats {
    private JvmStats() {}

    /** Peak resident set of the process (VmHWM, Linux), in KiB; 0 where unknown. */
    public static long peakRssKib() {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // unknown
        }
        return 0;
    }

    /** The heap pools' peak usage added up (each pool's own peak), in KiB. */
    public static long peakHeapKib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1024;
    }

    /** CPU time of the calling thread, in nanoseconds; 0 where the JVM cannot tell. */
    public static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }
}
