package org.govit;

/**
 * The JNI entry points, one per C function of include/govit.h (glue: {@code native/govit_jni.c}).
 *
 * <p>Every text argument is UTF-8 without a terminator (the glue copies it into a
 * NUL-terminated buffer) or {@code null}, passed on as a C {@code NULL}. Every result is the
 * kernel's UTF-8 document as a {@code byte[]}; on a status other than {@code GOVIT_OK} the
 * glue throws {@link GovitException} instead, carrying the error document. The glue frees
 * each string the kernel returns with {@code govit_string_free} before it returns.
 *
 * <p>A handle is the address of a {@code govit_engine}; callers (only {@link GovitEngine})
 * guarantee it is live for the whole call.
 */
final class GovitNative {
    private GovitNative() {}

    static native int abiVersion();

    static native byte[] version();

    /** {@code govit_engine_new}; returns the handle (never 0) or throws. */
    static native long engineNew(byte[] configJson);

    /** {@code govit_engine_free}; 0 is a no-op. */
    static native void engineFree(long handle);

    static native byte[] check(long handle, byte[] projectJson, byte[] optionsJson);

    static native byte[] apply(long handle, byte[] projectJson, byte[] eventJson);

    static native byte[] preview(long handle, byte[] projectJson, byte[] eventJson);

    static native byte[] verify(long handle, byte[] projectJson);

    // The JSON calls on Java strings: the glue encodes the UTF-16 as UTF-8 itself (the rules
    // of Utf8.encode; U+0000 throws Utf8.nulError with GOVIT_INVALID_JSON) and returns the
    // document as a String. null is passed on as a C NULL, as for the byte[] calls.

    static native String checkString(long handle, String projectJson, String optionsJson);

    static native String applyString(long handle, String projectJson, String eventJson);

    static native String verifyString(long handle, String projectJson);

    static native byte[] dayInfo(long handle, byte[] date);

    static native byte[] addWorkingDays(long handle, byte[] date, int days);

    static native byte[] rules(long handle);

    static native byte[] lifecycle(long handle);
}
