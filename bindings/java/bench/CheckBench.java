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
 * {@link GovitEngine#check(String, String)} (Java strings in and out).
 *
 * <pre>java -cp govit.jar:. CheckBench &lt;project.json&gt; &lt;N&gt; [options_json]</pre>
 *
 * Warms up (JIT) with 5 x N calls, then times 9 repetitions of N calls and
 * prints the medians of wall time and of the calling thread's CPU time:
 * {@code java check <ns per call> ns/call <cpu ns per call> cpu_ns/call}.
 */
public final class CheckBench {
    private static final int REPS = 9;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CheckBench <project.json> <N> [options_json]");
            System.exit(2);
        }
        String project = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
        int n = Integer.parseInt(args[1]);
        String options = args.length > 2 ? args[2] : null;
        long sink = 0;
        try (GovitEngine engine = new GovitEngine()) {
            for (int i = 0; i < 5 * n; i++) {
                sink += engine.check(project, options).length();
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] t = new double[REPS];
            double[] cpu = new double[REPS];
            for (int r = 0; r < REPS; r++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += engine.check(project, options).length();
                }
                t[r] = (System.nanoTime() - start) / (double) n;
                cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / (double) n;
            }
            Arrays.sort(t);
            Arrays.sort(cpu);
            System.out.printf("java check %.0f ns/call %.0f cpu_ns/call%n", t[REPS / 2], cpu[REPS / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
