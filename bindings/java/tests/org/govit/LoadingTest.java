package org.govit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The order of the loading attempts (see NativeLoader): govit.library.path, then
 * GOVIT_LIBRARY_PATH, then the copy inside the jar, then java.library.path. Each case runs in
 * a fresh JVM, since a JVM loads the library once.
 */
class LoadingTest {
    private static final List<String> NONE = Collections.emptyList();

    private static String jniLib() {
        return ChildJvm.property("govit.test.jniDir") + File.separator + System.mapLibraryName("govit_jni");
    }

    /** Class path with the jar (which carries the native library). */
    private static String withJar() {
        return System.getProperty("java.class.path");
    }

    /** Class path with the plain class directories: no native library inside. */
    private static String withoutJar() {
        return ChildJvm.property("govit.test.classes") + File.pathSeparator
                + ChildJvm.property("govit.test.testClasses");
    }

    private static ChildJvm probe(String cp, List<String> flags, Map<String, String> env) throws Exception {
        ChildJvm c = ChildJvm.run(cp, flags, env, LoadProbe.class.getName());
        System.out.println("loading: " + c.output.trim().replace("\n", " | "));
        return c;
    }

    @Test
    void fromTheJarByDefault() throws Exception {
        ChildJvm c = probe(withJar(), NONE, null);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("source jar:/native/" + NativeLoader.platform() + "/"), c.output);
        assertTrue(c.output.contains("\"holiday\""), c.output);
    }

    @Test
    void systemPropertyComesFirst() throws Exception {
        ChildJvm c = probe(withJar(), Arrays.asList("-Dgovit.library.path=" + jniLib()), null);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("source " + new File(jniLib()).getAbsolutePath()), c.output);
    }

    @Test
    void systemPropertyMayNameADirectory() throws Exception {
        ChildJvm c = probe(withoutJar(),
                Arrays.asList("-Dgovit.library.path=" + ChildJvm.property("govit.test.jniDir")), null);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("source " + new File(jniLib()).getAbsolutePath()), c.output);
    }

    @Test
    void environmentVariable() throws Exception {
        Map<String, String> env = new HashMap<String, String>();
        env.put("GOVIT_LIBRARY_PATH", jniLib());
        ChildJvm c = probe(withJar(), NONE, env);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("source " + new File(jniLib()).getAbsolutePath()), c.output);
    }

    @Test
    void javaLibraryPathWhenNotInAJar() throws Exception {
        ChildJvm c = probe(withoutJar(),
                Arrays.asList("-Djava.library.path=" + ChildJvm.property("govit.test.jniDir")), null);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("source java.library.path"), c.output);
    }

    @Test
    void explicitPathThatFailsIsAnErrorNotAFallback() throws Exception {
        ChildJvm c = probe(withJar(), Arrays.asList("-Dgovit.library.path=/nonexistent/libgovit_jni.so"), null);
        assertEquals(3, c.exitCode, c.output);
        assertTrue(c.output.contains("govit.library.path"), c.output);
    }

    @Test
    void nothingFoundListsWhatWasTried() throws Exception {
        ChildJvm c = probe(withoutJar(), Arrays.asList("-Djava.library.path=/nonexistent"), null);
        assertEquals(3, c.exitCode, c.output);
        assertTrue(c.output.contains("Tried:"), c.output);
        assertTrue(c.output.contains("jar resource"), c.output);
        assertTrue(c.output.contains("System.loadLibrary"), c.output);
    }

    @Test
    void extractionDirectoryCanBeChosen() throws Exception {
        File dir = new File(ChildJvm.property("govit.test.classes")).getParentFile();
        File tmp = new File(dir, "extract-test");
        tmp.mkdirs();
        ChildJvm c = probe(withJar(), Arrays.asList("-Dgovit.native.tmpdir=" + tmp.getAbsolutePath()), null);
        assertEquals(0, c.exitCode, c.output);
        assertTrue(c.output.contains("extracted to " + tmp.getAbsolutePath()), c.output);
        // The extracted copy is deleted once loaded (POSIX keeps the mapping).
        assertEquals(0, tmp.list().length, Arrays.toString(tmp.list()));
    }
}
