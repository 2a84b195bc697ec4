package org.govit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds and loads the JNI library {@code govit_jni} (which carries the govit kernel linked in
 * statically, so there is one native file per platform and nothing else to find).
 *
 * <p>Order of the attempts, first success wins:
 * <ol>
 * <li>system property {@code govit.library.path} — the library file, or a directory holding
 *     {@code libgovit_jni.so} ({@code govit_jni.dll}, {@code libgovit_jni.dylib});</li>
 * <li>environment variable {@code GOVIT_LIBRARY_PATH} — the same;</li>
 * <li>the copy inside the jar, {@code /native/<os>-<arch>/libgovit_jni.so} ({@code govit_jni.dll}
 *     on Windows), extracted to a fresh temporary file (in {@code govit.native.tmpdir}, default
 *     {@code java.io.tmpdir}) and loaded from there — the default for the packaged jar. The
 *     release jar carries {@code linux-x86_64}, {@code linux-aarch64}, {@code windows-x86_64}
 *     and {@code windows-x86} (and {@code linux-loongarch64} when built on such a machine);
 *     {@code /native/platforms.txt} lists them;</li>
 * <li>{@code System.loadLibrary("govit_jni")}, i.e. {@code java.library.path}.</li>
 * </ol>
 * An explicit path (1 or 2) that fails to load is an error: nothing else is tried, so a
 * misconfigured server never runs silently on some other copy. If every attempt fails the
 * {@link UnsatisfiedLinkError} lists what was tried and why each failed. The outcome,
 * success or failure, is remembered for the life of the class loader.
 */
final class NativeLoader {
    static final String LIBRARY = "govit_jni";
    static final String PROPERTY = "govit.library.path";
    static final String ENVIRONMENT = "GOVIT_LIBRARY_PATH";
    static final String TMPDIR_PROPERTY = "govit.native.tmpdir";
    /** The ABI version this binding was written for (docs/contract.md). */
    static final int ABI_VERSION = 1;

    private static boolean loaded;
    private static String source;
    private static String failure;

    private NativeLoader() {}

    /** Loads the library once; throws {@link UnsatisfiedLinkError} if it cannot be loaded. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw new UnsatisfiedLinkError(failure);
        }
        try {
            source = tryAll();
            int abi = GovitNative.abiVersion();
            if (abi != ABI_VERSION) {
                throw new UnsatisfiedLinkError("govit: the native library at " + source
                        + " implements ABI version " + abi + ", this jar needs " + ABI_VERSION);
            }
            loaded = true;
        } catch (UnsatisfiedLinkError e) {
            failure = e.getMessage();
            throw e;
        }
    }

    /** Where the library was loaded from (for diagnostics), or null before loading. */
    static synchronized String source() {
        return source;
    }

    private static String tryAll() {
        String explicit = System.getProperty(PROPERTY);
        String origin = "system property " + PROPERTY;
        if (isBlank(explicit)) {
            explicit = System.getenv(ENVIRONMENT);
            origin = "environment variable " + ENVIRONMENT;
        }
        if (!isBlank(explicit)) {
            File file = new File(explicit.trim());
            if (file.isDirectory()) {
                file = new File(file, fileName(platform()));
            }
            String path = file.getAbsolutePath();
            try {
                System.load(path);
                return path;
            } catch (UnsatisfiedLinkError e) {
                throw new UnsatisfiedLinkError("govit: cannot load the JNI library named by "
                        + origin + " (" + path + "): " + e.getMessage());
            }
        }

        List<String> tried = new ArrayList<String>();
        String platform = platform();
        String resource = resource(platform);
        InputStream in = NativeLoader.class.getResourceAsStream(resource);
        if (in == null) {
            tried.add("jar resource " + resource + ": not in the jar, which carries "
                    + platformsInJar() + " (for another platform build the glue there, see docs/platforms.md)");
        } else {
            try {
                String path = extractAndLoad(in, resource);
                return "jar:" + resource + " (extracted to " + path + ")";
            } catch (IOException e) {
                tried.add("jar resource " + resource + ": cannot extract: " + e);
            } catch (UnsatisfiedLinkError e) {
                tried.add("jar resource " + resource + ": " + e.getMessage()
                        + " (a temp directory mounted noexec? set -D" + TMPDIR_PROPERTY + ")");
            }
        }

        try {
            System.loadLibrary(LIBRARY);
            return "java.library.path (" + System.getProperty("java.library.path") + ")";
        } catch (UnsatisfiedLinkError e) {
            tried.add("System.loadLibrary(\"" + LIBRARY + "\"): " + e.getMessage());
        }

        StringBuilder message = new StringBuilder("govit: cannot load the JNI library "
                + fileName(platform) + " for " + platform + "; set -D" + PROPERTY
                + "=/path/to/" + fileName(platform) + " (or the environment variable " + ENVIRONMENT
                + "). Tried:");
        for (String t : tried) {
            message.append("\n  - ").append(t);
        }
        throw new UnsatisfiedLinkError(message.toString());
    }

    private static String extractAndLoad(InputStream in, String resource) throws IOException {
        String dir = System.getProperty(TMPDIR_PROPERTY);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String prefix = name.substring(0, dot) + "-";
        String suffix = name.substring(dot);
        Path file = isBlank(dir)
                ? Files.createTempFile(prefix, suffix)
                : Files.createTempFile(Paths.get(dir), prefix, suffix);
        boolean loadedHere = false;
        try {
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                in.close();
            }
            System.load(file.toAbsolutePath().toString());
            loadedHere = true;
            return file.toAbsolutePath().toString();
        } finally {
            // Once loaded, the mapping outlives the name on POSIX: remove the file now so no
            // copies pile up in the temp directory. Windows keeps a loaded DLL locked, so there
            // it goes at exit (best effort).
            if (!loadedHere || !isWindows()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            } else {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** This JVM's platform: {@link #platform(String, String)} of {@code os.name}, {@code os.arch}. */
    static String platform() {
        return platform(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"));
    }

    /**
     * The jar folder for an {@code os.name} and {@code os.arch}: {@code linux-x86_64},
     * {@code linux-aarch64}, {@code linux-loongarch64}, {@code windows-x86_64},
     * {@code windows-x86}, {@code macos-aarch64}... The JVMs' spellings of one architecture
     * are one name: {@code amd64}/{@code x86_64}, {@code aarch64}/{@code arm64},
     * {@code x86}/{@code i386}/{@code i686}.
     */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "macos";
        } else if (os.startsWith("windows")) {
            os = "windows";
        } else {
            os = os.replaceAll("[^a-z0-9]+", "");
        }
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            arch = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            arch = "aarch64";
        } else if (arch.equals("x86") || arch.matches("i[3-6]86")) {
            arch = "x86";
        } else if (arch.equals("loongarch64") || arch.equals("loong64")) {
            arch = "loongarch64";
        } else {
            arch = arch.replaceAll("[^a-z0-9_]+", "");
        }
        return os + "-" + arch;
    }

    /** The glue's file name on a platform: {@code libgovit_jni.so}, {@code govit_jni.dll}, ... */
    static String fileName(String platform) {
        if (platform.startsWith("windows-")) {
            return LIBRARY + ".dll";
        }
        return "lib" + LIBRARY + (platform.startsWith("macos-") ? ".dylib" : ".so");
    }

    /** Where the jar carries the glue of a platform: {@code /native/<platform>/<file>}. */
    static String resource(String platform) {
        return "/native/" + platform + "/" + fileName(platform);
    }

    /** The platforms of this jar, from its index {@code /native/platforms.txt}. */
    static String platformsInJar() {
        InputStream in = NativeLoader.class.getResourceAsStream("/native/platforms.txt");
        if (in == null) {
            return "no native library";
        }
        StringBuilder list = new StringBuilder();
        try {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.trim().isEmpty()) {
                        list.append(list.length() == 0 ? "" : ", ").append(line.trim());
                    }
                }
            } finally {
                in.close();
            }
        } catch (IOException e) {
            return "an unreadable /native/platforms.txt (" + e + ")";
        }
        return list.length() == 0 ? "no native library" : list.toString();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
