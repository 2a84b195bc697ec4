package org.govit.spark.tools;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.govit.GovitEngine;
import org.govit.GovitException;
import org.govit.spark.JsonLines;
import org.govit.spark.JvmStats;

/**
 * The kernel's own {@code check} over a JSON-lines file, without Spark: one thread, one
 * engine, line by line. The reference of the Spark job's test (record by record) and of its
 * benchmark (the cost per record).
 *
 * <pre>CheckLoop INPUT OUTPUT.jsonl AS_OF [CONFIG_JSON]
 * CheckLoop --read-only INPUT</pre>
 *
 * {@code INPUT} is a JSON-lines file or a directory of them, read in name order; names
 * ending {@code .gz} are gunzipped. Writes one line per non-blank input line: the check
 * result, or the kernel's error document. Prints {@code loop <records> records <seconds> s
 * <records/s> records/s thread_cpu_s <seconds> peak_rss_kib <VmHWM> peak_heap_kib <peak heap>},
 * the CPU time being that of the one thread that reads, checks and writes. With
 * {@code --read-only} it only reads and splits the lines (the benchmark's cost of reading).
 */
public final class CheckLoop {
    private CheckLoop() {}

    public static void main(String[] args) throws IOException {
        boolean readOnly = args.length == 2 && args[0].equals("--read-only");
        if (!readOnly && args.length < 3) {
            System.err.println("usage: CheckLoop INPUT OUTPUT.jsonl AS_OF [CONFIG_JSON] | CheckLoop --read-only INPUT");
            System.exit(2);
        }
        List<Path> files = inputFiles(Paths.get(args[readOnly ? 1 : 0]));
        long[] records = {0};
        long start = System.nanoTime();
        long cpuStart = JvmStats.threadCpuNanos();
        if (readOnly) {
            for (Path f : files) {
                try (InputStream in = open(f)) {
                    JsonLines.forEachLine(in, (offset, bytes) -> records[0] += JsonLines.isBlank(bytes) ? 0 : 1);
                }
            }
            report("read-only", records[0], start, cpuStart);
            return;
        }
        byte[] options = ("{\"as_of\":\"" + args[2] + "\"}").getBytes(StandardCharsets.UTF_8);
        try (GovitEngine engine = new GovitEngine(args.length > 3 ? args[3] : null);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(Paths.get(args[1])), 1 << 20)) {
            for (Path f : files) {
                try (InputStream in = open(f)) {
                    JsonLines.forEachLine(in, (offset, bytes) -> {
                        if (JsonLines.isBlank(bytes)) {
                            return;
                        }
                        records[0]++;
                        try {
                            out.write(engine.checkUtf8(bytes, options));
                        } catch (GovitException e) {
                            out.write(e.errorJson().getBytes(StandardCharsets.UTF_8));
                        }
                        out.write('\n');
                    });
                }
            }
        }
        report("loop", records[0], start, cpuStart);
    }

    private static void report(String what, long records, long startNanos, long cpuStartNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (JvmStats.threadCpuNanos() - cpuStartNanos) / 1e9;
        System.out.printf("%s %d records %.3f s %.0f records/s thread_cpu_s %.3f peak_rss_kib %d peak_heap_kib %d%n",
                what, records, seconds, records / seconds, cpu, JvmStats.peakRssKib(), JvmStats.peakHeapKib());
    }

    static List<Path> inputFiles(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> s = Files.list(input)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static InputStream open(Path f) throws IOException {
        InputStream raw = Files.newInputStream(f);
        return f.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 20);
    }
}
