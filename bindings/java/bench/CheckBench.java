import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import org.govit.GovitEngine;

/**
 * The JNI side of the binding overhead (issue 9 §4): the same {@code check} as
 * benches/c/check_bench.c, on the same input, the same N, through
 * {@link GovitEngine#check(String, String)} (Java strings in and out), or with
 * {@code --utf8} through {@link GovitEngine#checkUtf8(byte[], byte[])} (UTF-8 bytes in
 * and out, the arguments' bytes prepared once, as a host holding the record as bytes
 * from a BLOB column or an HTTP body does).
 *
 * <pre>java -cp govit.jar:. CheckBench [--utf8] &lt;project.json&gt; &lt;N&gt; [options_json]</pre>
 *
 * Warms up (JIT) with 5 x N calls and for at least a second (a server's steady
 * state, as the .NET bench), then times 9 repetitions of N calls and
 * prints the medians of wall time and of the calling thread's CPU time:
 * {@code java check <ns per call> ns/call <cpu ns per call> cpu_ns/call}
 * ({@code java-utf8 check …} with {@code --utf8}).
 */
public final class CheckBench {
    private static final int REPS = 9;

    public static void main(String[] args) throws Exception {
        boolean utf8 = args.length > 0 && args[0].equals("--utf8");
        if (utf8) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 2) {
            System.err.println("usage: CheckBench [--utf8] <project.json> <N> [options_json]");
            System.exit(2);
        }
        byte[] projectBytes = Files.readAllBytes(Paths.get(args[0]));
        String project = new String(projectBytes, StandardCharsets.UTF_8);
        int n = Integer.parseInt(args[1]);
        String options = args.length > 2 ? args[2] : null;
        byte[] optionsBytes = options != null ? options.getBytes(StandardCharsets.UTF_8) : null;
        long sink = 0;
        try (GovitEngine engine = new GovitEngine()) {
            long warm = System.nanoTime();
            for (int i = 0; i < 5 * n || System.nanoTime() - warm < 1_000_000_000L; i++) {
                sink += utf8 ? engine.checkUtf8(projectBytes, optionsBytes).length
                        : engine.check(project, options).length();
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] t = new double[REPS];
            double[] cpu = new double[REPS];
            for (int r = 0; r < REPS; r++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                if (utf8) {
                    for (int i = 0; i < n; i++) {
                        sink += engine.checkUtf8(projectBytes, optionsBytes).length;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        sink += engine.check(project, options).length();
                    }
                }
                t[r] = (System.nanoTime() - start) / (double) n;
                cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / (double) n;
            }
            Arrays.sort(t);
            Arrays.sort(cpu);
            System.out.printf("%s check %.0f ns/call %.0f cpu_ns/call%n", utf8 ? "java-utf8" : "java",
                    t[REPS / 2], cpu[REPS / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
