package org.govit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A govit rules engine: the Qufu measures for government IT projects
 * (《曲阜市政务信息化项目建设管理办法》), behind the C ABI of include/govit.h (docs/contract.md).
 *
 * <p>The kernel is stateless: your system stores the project record (JSON) and passes it in
 * with each call; {@link #apply} returns the new record inside its result. Every method takes
 * and returns JSON text exactly as documented in docs/contract.md; the typed methods
 * ({@link #applyDecision}, {@link #preview}, {@link #checkResult}, {@link #lifecycle}) read
 * it into objects that keep the JSON as {@code json()}.
 *
 * <h2>Threads</h2>
 * One engine may be shared by any number of threads; create one per configuration at
 * start-up (a Spring singleton bean with {@code destroyMethod = "close"}) and keep it.
 * {@link #close()} may race with calls on other threads: it waits for the calls already
 * running, and calls that start after it throw {@link IllegalStateException}. The native
 * engine is never freed while a call uses it.
 *
 * <h2>Errors</h2>
 * Every status other than {@code GOVIT_OK} throws {@link GovitException} with the status
 * {@link GovitException#code() code} and the kernel's {@link GovitException#errorJson()
 * error document}. A {@code null} argument where a value is required is passed on to the
 * kernel and comes back as {@code GovitException} with code {@link
 * GovitException#NULL_ARGUMENT} (1), so one {@code catch (GovitException e)} covers every bad
 * input. A refused transition is not an exception: {@code apply} returns
 * {@code "accepted": false} with the blocking findings. Using a closed engine throws
 * {@link IllegalStateException} (a programming error, not bad input).
 *
 * <h2>Memory</h2>
 * Close the engine when done (it is {@link AutoCloseable}). An engine that becomes
 * unreachable without being closed is freed by a background cleaner thread; {@code close()}
 * twice is harmless.
 */
public final class GovitEngine implements AutoCloseable {

    /**
     * The native engine and the lock that keeps it alive during calls. Calls hold the read
     * lock (many at once); freeing takes the write lock, so it waits for calls in flight and
     * later calls find the handle at 0. Shared by {@link GovitEngine#close()} and the cleaner,
     * and it must not refer to its {@code GovitEngine} (that would keep it reachable).
     */
    static final class Handle {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private long address; // guarded by lock; 0 once freed

        Handle(long address) {
            this.address = address;
        }

        /** Read-locks and returns the live address; throws if closed (lock not held then). */
        long acquire() {
            lock.readLock().lock();
            if (address == 0) {
                lock.readLock().unlock();
                throw new IllegalStateException("GovitEngine is closed");
            }
            return address;
        }

        void release() {
            lock.readLock().unlock();
        }

        /** Frees the native engine once; returns whether this call freed it. */
        boolean free() {
            lock.writeLock().lock();
            try {
                if (address == 0) {
                    return false;
                }
                long a = address;
                address = 0;
                GovitNative.engineFree(a);
                return true;
            } finally {
                lock.writeLock().unlock();
            }
        }

        boolean isFreed() {
            lock.readLock().lock();
            try {
                return address == 0;
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    private final Handle handle;
    private final EngineCleaner.Ref cleanup;

    /** An engine with the default configuration (profile {@code qufu-2024}, locale zh-CN). */
    public GovitEngine() {
        this(null);
    }

    /**
     * An engine with a configuration (docs/contract.md, "Engine config"), e.g.
     * {@code {"locale":"en","max_input_bytes":1048576}}; {@code null} means the defaults.
     *
     * @throws GovitException code 3 for malformed JSON, 4 for a wrong value, 6 for an
     *         unknown profile
     * @throws UnsatisfiedLinkError if the native library cannot be loaded
     */
    public GovitEngine(String configJson) {
        NativeLoader.load();
        long address = GovitNative.engineNew(Utf8.encode(configJson, GovitException.INVALID_JSON));
        Handle h = new Handle(address);
        EngineCleaner.Ref ref;
        try {
            ref = EngineCleaner.register(this, h);
        } catch (Throwable t) { // e.g. no thread could be started: do not leak the engine
            h.free();
            if (t instanceof Error) {
                throw (Error) t;
            }
            throw t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
        }
        this.handle = h;
        this.cleanup = ref;
    }

    /**
     * Checks a project record now: {@code {"project_id", "state", "in_scope", "findings",
     * "deadlines", "allowed_events"}}. Same as {@code check(projectJson, null)}.
     */
    public String check(String projectJson) {
        return check(projectJson, null);
    }

    /**
     * Checks a project record with options {@code {"as_of": "YYYY-MM-DD", "actor": {...}}}
     * (both optional; {@code optionsJson} may be {@code null}).
     */
    public String check(String projectJson, String optionsJson) {
        long a = handle.acquire();
        try {
            return GovitNative.checkString(a, projectJson, optionsJson);
        } finally {
            handle.release();
        }
    }

    /**
     * Applies an event to a project record: {@code {"accepted", "state_before", "state_after",
     * "findings", "project"}}. Store the returned {@code project} (with its {@code history})
     * in place of the old record; a refused event returns the input record unchanged.
     */
    public String apply(String projectJson, String eventJson) {
        long a = handle.acquire();
        try {
            return GovitNative.applyString(a, projectJson, eventJson);
        } finally {
            handle.release();
        }
    }

    // ---- Typed results ----
    //
    // The same calls, read into objects by the binding's own JSON reader (no third-party
    // library); each object keeps the kernel's document as json(). Errors are those of the
    // String methods; a result that does not read as the contract says (a kernel and binding
    // of different versions) throws GovitException with code INTERNAL.

    /**
     * {@link #apply(String, String)}, typed: accepted, the states before and after, the
     * findings, and {@link Decision#projectJson()}, the record to store (its exact text).
     */
    public Decision applyDecision(String projectJson, String eventJson) {
        return Decision.ofApply(apply(projectJson, eventJson));
    }

    /**
     * What {@link #apply(String, String)} would decide for the same record and event, without
     * making the new record (no history entry, no hashing): validate a form before the clerk
     * submits it, or ask "may I?". Its findings are the same as apply's;
     * {@link Decision#projectJson()} is {@code null}. {@link Decision#json()} is the document
     * {@code {"accepted", "state_before", "state_after", "findings"}}.
     */
    public Decision preview(String projectJson, String eventJson) {
        byte[] project = Utf8.encode(projectJson, GovitException.INVALID_JSON);
        byte[] event = Utf8.encode(eventJson, GovitException.INVALID_JSON);
        return Decision.ofPreview(Utf8.decode(previewBytes(project, event)));
    }

    /** {@link #check(String)}, typed. Same as {@code checkResult(projectJson, null)}. */
    public CheckResult checkResult(String projectJson) {
        return checkResult(projectJson, null);
    }

    /**
     * {@link #check(String, String)}, typed: findings, deadlines, allowed events and, when
     * {@code optionsJson} names an {@code actor}, the {@link CheckResult#nextSteps() next
     * steps} of that actor with what blocks each.
     */
    public CheckResult checkResult(String projectJson, String optionsJson) {
        return new CheckResult(check(projectJson, optionsJson));
    }

    /** Verifies a record's history chain (SM3): {@code {"valid": bool, "problems": [...]}}. */
    public String verify(String projectJson) {
        long a = handle.acquire();
        try {
            return GovitNative.verifyString(a, projectJson);
        } finally {
            handle.release();
        }
    }

    // ---- The same calls on UTF-8 bytes ----
    //
    // For hosts that hold the record as UTF-8 already (a BLOB/CLOB column read as bytes, an
    // HTTP body): no String is made on either side. Same semantics, errors and locking as the
    // String methods, for which the glue converts UTF-16 to UTF-8 and back. The argument
    // arrays are copied by the glue before the kernel runs and are neither kept nor changed;
    // each result is a new array owned by the caller.

    /**
     * {@link #check(String)} on UTF-8 bytes: the project record as UTF-8 JSON in, the result
     * document as UTF-8 JSON out. Same as {@code checkUtf8(projectJson, null)}.
     *
     * @throws GovitException code 1 for {@code null}, 2 for bytes that are not valid UTF-8,
     *         3 for a NUL byte or malformed JSON, 4 and 5 as for {@link #check(String)}
     */
    public byte[] checkUtf8(byte[] projectJson) {
        return checkUtf8(projectJson, null);
    }

    /**
     * {@link #check(String, String)} on UTF-8 bytes ({@code optionsJson} may be
     * {@code null}).
     */
    public byte[] checkUtf8(byte[] projectJson, byte[] optionsJson) {
        return checkBytes(noNul(projectJson, GovitException.INVALID_JSON),
                noNul(optionsJson, GovitException.INVALID_JSON));
    }

    /** {@link #apply(String, String)} on UTF-8 bytes. */
    public byte[] applyUtf8(byte[] projectJson, byte[] eventJson) {
        return applyBytes(noNul(projectJson, GovitException.INVALID_JSON),
                noNul(eventJson, GovitException.INVALID_JSON));
    }

    /** {@link #verify(String)} on UTF-8 bytes. */
    public byte[] verifyUtf8(byte[] projectJson) {
        return verifyBytes(noNul(projectJson, GovitException.INVALID_JSON));
    }

    // The one path to each native call (arguments already free of NUL bytes).

    private byte[] checkBytes(byte[] project, byte[] options) {
        long a = handle.acquire();
        try {
            return GovitNative.check(a, project, options);
        } finally {
            handle.release();
        }
    }

    private byte[] applyBytes(byte[] project, byte[] event) {
        long a = handle.acquire();
        try {
            return GovitNative.apply(a, project, event);
        } finally {
            handle.release();
        }
    }

    private byte[] previewBytes(byte[] project, byte[] event) {
        long a = handle.acquire();
        try {
            return GovitNative.preview(a, project, event);
        } finally {
            handle.release();
        }
    }

    private byte[] verifyBytes(byte[] project) {
        long a = handle.acquire();
        try {
            return GovitNative.verify(a, project);
        } finally {
            handle.release();
        }
    }

    /**
     * What kind of day a date is in the working-day calendar:
     * {@code {"date", "working_day", "kind", "calendar_known"}}.
     *
     * @param date {@code YYYY-MM-DD} (not JSON: the bare date)
     */
    public String dayInfo(String date) {
        byte[] d = Utf8.encode(date, GovitException.INVALID_INPUT);
        long a = handle.acquire();
        try {
            return Utf8.decode(GovitNative.dayInfo(a, d));
        } finally {
            handle.release();
        }
    }

    /**
     * The date {@code days} working days after {@code date} (the day itself not counted):
     * {@code {"date", "calendar_known"}}.
     *
     * @param date {@code YYYY-MM-DD} (not JSON: the bare date)
     */
    public String addWorkingDays(String date, int days) {
        byte[] d = Utf8.encode(date, GovitException.INVALID_INPUT);
        long a = handle.acquire();
        try {
            return Utf8.decode(GovitNative.addWorkingDays(a, d, days));
        } finally {
            handle.release();
        }
    }

    /** The rule catalogue: {@code [{"rule", "article", "severity", "title", "title_en"}, ...]}. */
    public String rules() {
        long a = handle.acquire();
        try {
            return Utf8.decode(GovitNative.rules(a));
        } finally {
            handle.release();
        }
    }

    /**
     * A JSON Schema of the contract, shipped in the jar as the resource
     * {@code org/govit/schemas/<name>.schema.json} (the files of the repository's
     * {@code schemas/}): {@code "project"}, {@code "event"}, {@code "data-submit_demand"},
     * {@code "result-check"}, … ({@link #schemaNames()}). Needs no native library.
     *
     * @param name the file name with or without {@code .schema.json}
     * @return the schema text (UTF-8 decoded), or {@code null} if the jar has no such schema
     */
    public static String schema(String name) {
        if (name == null || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return null;
        }
        return resource(name.endsWith(".schema.json") ? name : name + ".schema.json");
    }

    /** A file of org/govit/schemas/ as text, or null. */
    private static String resource(String file) {
        InputStream in = GovitEngine.class.getResourceAsStream(SCHEMAS + file);
        if (in == null) {
            return null;
        }
        try {
            return new String(readAll(in), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SCHEMAS + file, e);
        }
    }

    /**
     * The names {@link #schema(String)} knows, e.g. {@code "project"}, in file-name order
     * (from the index {@code org/govit/schemas/index.txt} written when the jar is built).
     */
    public static List<String> schemaNames() {
        String index = resource("index.txt");
        List<String> names = new ArrayList<String>();
        if (index != null) {
            for (String line : index.split("\n")) {
                String f = line.trim();
                if (f.endsWith(".schema.json")) {
                    names.add(f.substring(0, f.length() - ".schema.json".length()));
                }
            }
        }
        return Collections.unmodifiableList(names);
    }

    private static final String SCHEMAS = "/org/govit/schemas/";

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    /**
     * The lifecycle as data, to draw an OA system's workflow, buttons and forms from: the
     * states, roles and documents with their labels, and every event with who may send it,
     * from which states, to which state, its {@code data} fields (types, required, allowed
     * values), the documents it may carry and the rules that judge it. The same for the
     * engine's whole life: read it once at start-up. {@link Lifecycle#json()} is the document.
     */
    public Lifecycle lifecycle() {
        long a = handle.acquire();
        byte[] doc;
        try {
            doc = GovitNative.lifecycle(a);
        } finally {
            handle.release();
        }
        return new Lifecycle(Utf8.decode(doc));
    }

    /**
     * Frees the native engine. Waits for calls in flight on other threads; afterwards every
     * method throws {@link IllegalStateException}. Closing again does nothing.
     */
    @Override
    public void close() {
        handle.free();
        cleanup.unregister();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return handle.isFreed();
    }

    /** The version of the govit kernel in the native library (the crate version, e.g. "0.1.0"). */
    public static String version() {
        NativeLoader.load();
        return Utf8.decode(GovitNative.version());
    }

    /** The C ABI version of the native library (1). */
    public static int abiVersion() {
        NativeLoader.load();
        return GovitNative.abiVersion();
    }

    /**
     * Refuses a NUL byte, which would cut the C string short (the glue copies the array into
     * a NUL-terminated buffer); {@code null} passes (the kernel answers where it is required).
     * Strings need no such scan: {@link Utf8#encode} refuses U+0000 while encoding.
     */
    private static byte[] noNul(byte[] utf8, int nulStatus) {
        if (utf8 != null) {
            int i = Utf8.indexOfNul(utf8);
            if (i >= 0) {
                throw new GovitException(nulStatus, GovitException.fallbackDocument(nulStatus,
                        "the text contains a NUL byte at byte offset " + i
                                + "; it cannot appear unescaped in JSON,"
                                + " and a C string cannot carry it"));
            }
        }
        return utf8;
    }
}
