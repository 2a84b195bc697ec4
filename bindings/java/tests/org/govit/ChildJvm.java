package org.govit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a fresh JVM (the same java), for what needs its own process. */
final class ChildJvm {
    final int exitCode;
    final String output;

    private ChildJvm(int exitCode, String output) {
        this.exitCode = exitCode;
        this.output = output;
    }

    /**
     * @param classpath  the child's class path
     * @param jvmFlags   flags before the main class
     * @param env        variables to set (a null value removes the variable)
     */
    static ChildJvm run(String classpath, List<String> jvmFlags, Map<String, String> env,
            String mainClass, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<String>();
        cmd.add(java);
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(NativeLoader.ENVIRONMENT);
        if (env != null) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getValue() == null) {
                    pb.environment().remove(e.getKey());
                } else {
                    pb.environment().put(e.getKey(), e.getValue());
                }
            }
        }
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + cmd);
        }
        return new ChildJvm(p.exitValue(), new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    /** Test property set by the Makefile; fails clearly when the tests run some other way. */
    static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new AssertionError("missing -D" + name + " (run the tests with `make test`)");
        }
        return v;
    }
}
