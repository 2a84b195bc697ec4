package org.govit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Which native file NativeLoader takes on each platform, that the jar under test carries the
 * platforms it must (the release jar: packaging/platforms.tsv), the error when none fits,
 * and the JSON Schemas as resources.
 */
class PlatformTest {
    private static void expect(String platform, String osName, String osArch) {
        assertEquals(platform, NativeLoader.platform(osName, osArch), osName + " / " + osArch);
    }

    @Test
    void eachJvmSpellingOfAPlatformIsOneFolder() {
        expect("linux-x86_64", "Linux", "amd64");
        expect("linux-x86_64", "Linux", "x86_64");
        expect("linux-aarch64", "Linux", "aarch64");
        expect("linux-aarch64", "Linux", "arm64");
        expect("linux-loongarch64", "Linux", "loongarch64");
        expect("windows-x86_64", "Windows Server 2019", "amd64");
        expect("windows-x86_64", "Windows 10", "x86_64");
        expect("windows-x86", "Windows Server 2012 R2", "x86");
        expect("windows-x86", "Windows 7", "i386");
        expect("windows-x86", "Windows XP", "i686");
        expect("linux-x86", "Linux", "i386");
        expect("macos-aarch64", "Mac OS X", "aarch64");
    }

    @Test
    void eachPlatformHasItsFileName() {
        assertEquals("/native/linux-x86_64/libgovit_jni.so", NativeLoader.resource("linux-x86_64"));
        assertEquals("/native/linux-aarch64/libgovit_jni.so", NativeLoader.resource("linux-aarch64"));
        assertEquals("/native/linux-loongarch64/libgovit_jni.so", NativeLoader.resource("linux-loongarch64"));
        assertEquals("/native/windows-x86_64/govit_jni.dll", NativeLoader.resource("windows-x86_64"));
        assertEquals("/native/windows-x86/govit_jni.dll", NativeLoader.resource("windows-x86"));
        assertEquals("/native/macos-aarch64/libgovit_jni.dylib", NativeLoader.resource("macos-aarch64"));
        // On this JVM the name is the one the JVM itself would look for.
        assertTrue(NativeLoader.resource(NativeLoader.platform()).endsWith("/" + System.mapLibraryName("govit_jni")));
    }

    /** govit.test.platforms: what the Makefile packed (the host for `make test`, all for dist). */
    @Test
    void theJarCarriesEveryPlatformItWasBuiltFor() throws IOException {
        List<String> expected = new ArrayList<String>(
                Arrays.asList(ChildJvm.property("govit.test.platforms").trim().split("\\s+")));
        assertFalse(expected.isEmpty());
        for (String platform : expected) {
            byte[] lib = resource(NativeLoader.resource(platform));
            assertTrue(lib.length > 100000, platform + ": " + lib.length + " bytes");
        }
        assertEquals(String.join(", ", expected), NativeLoader.platformsInJar());
    }

    @Test
    void noLibraryForThePlatformNamesItWhatWasLookedForAndTheOverride() throws Exception {
        ChildJvm c = ChildJvm.run(System.getProperty("java.class.path"),
                Arrays.asList("-Dos.name=Linux", "-Dos.arch=loongarch64", "-Djava.library.path=/nonexistent"),
                null, LoadProbe.class.getName());
        assertEquals(3, c.exitCode, c.output);
        assertTrue(c.output.contains("for linux-loongarch64"), c.output);
        assertTrue(c.output.contains("/native/linux-loongarch64/libgovit_jni.so: not in the jar, which carries "
                + NativeLoader.platformsInJar()), c.output);
        assertTrue(c.output.contains("-Dgovit.library.path=/path/to/libgovit_jni.so"), c.output);
        assertTrue(c.output.contains("GOVIT_LIBRARY_PATH"), c.output);
    }

    /** Every file of schemas/ is in the jar as org/govit/schemas/<file>, byte for byte. */
    @Test
    void theJsonSchemasAreResources() throws IOException {
        File[] schemas = new File(ChildJvm.property("govit.test.root"), "schemas").listFiles();
        assertNotNull(schemas);
        int count = 0;
        for (File schema : schemas) {
            if (schema.getName().endsWith(".json")) {
                assertArrayEquals(Files.readAllBytes(schema.toPath()),
                        resource("/org/govit/schemas/" + schema.getName()), schema.getName());
                count++;
            }
        }
        assertTrue(count >= 2, count + " schemas");
    }

    private static byte[] resource(String name) throws IOException {
        InputStream in = PlatformTest.class.getResourceAsStream(name);
        assertNotNull(in, "no resource " + name);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
