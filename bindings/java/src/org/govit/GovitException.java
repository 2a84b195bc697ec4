package org.govit;

/**
 * A call into the govit kernel returned a status other than {@code GOVIT_OK}.
 *
 * <p>{@link #code()} is the numeric {@code govit_status} of the C ABI (include/govit.h, docs/contract.md) and
 * {@link #errorJson()} the error document the kernel wrote, e.g.
 * {@code {"error":{"code":"invalid_input","message":"…","path":"$.budget_yuan"}}}.
 * The document is never {@code null}: should the kernel not have written one, a minimal
 * document of the same shape is supplied here.
 *
 * <p>A refused transition is <em>not</em> an exception: {@code apply} returns normally with
 * {@code "accepted": false}. This exception means the input could not be judged at all.
 *
 * <p>Unchecked, so that OA code can let it propagate to its own error handling; catch it where
 * you turn bad records into messages for the user.
 */
public class GovitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code GOVIT_NULL_ARGUMENT}: a required argument was {@code null}. */
    public static final int NULL_ARGUMENT = 1;
    /** {@code GOVIT_INVALID_UTF8}: the text was not valid UTF-8 (from Java: an unpaired surrogate). */
    public static final int INVALID_UTF8 = 2;
    /** {@code GOVIT_INVALID_JSON}: not well-formed JSON. */
    public static final int INVALID_JSON = 3;
    /** {@code GOVIT_INVALID_INPUT}: well-formed, but a wrong shape or value (unknown state, bad date...). */
    public static final int INVALID_INPUT = 4;
    /** {@code GOVIT_INPUT_TOO_LARGE}: over the engine's {@code max_input_bytes} (default 4 MiB). */
    public static final int INPUT_TOO_LARGE = 5;
    /** {@code GOVIT_UNSUPPORTED}: unknown profile, schema or ABI version. */
    public static final int UNSUPPORTED = 6;
    /** {@code GOVIT_INTERNAL}: a bug in the kernel (a caught panic); the engine stays usable. */
    public static final int INTERNAL = 7;

    private final int code;
    private final String errorJson;

    /** Creates an exception for a status and its error document (as given by the kernel). */
    public GovitException(int code, String errorJson) {
        super(describe(code, errorJson));
        this.code = code;
        this.errorJson = errorJson != null ? errorJson : fallbackDocument(code, statusName(code));
    }

    /** Called by the JNI glue with the kernel's error document as UTF-8 bytes (may be null). */
    GovitException(int code, byte[] errorUtf8) {
        this(code, errorUtf8 == null ? null : Utf8.decode(errorUtf8));
    }

    /** The {@code govit_status} value, 1..7 (see the constants of this class). */
    public int code() {
        return code;
    }

    /** The error document, a JSON object with one member {@code "error"}; never null. */
    public String errorJson() {
        return errorJson;
    }

    /** The C name of a status value, e.g. {@code "GOVIT_INVALID_JSON"} for 3. */
    public static String statusName(int code) {
        switch (code) {
            case 0: return "GOVIT_OK";
            case NULL_ARGUMENT: return "GOVIT_NULL_ARGUMENT";
            case INVALID_UTF8: return "GOVIT_INVALID_UTF8";
            case INVALID_JSON: return "GOVIT_INVALID_JSON";
            case INVALID_INPUT: return "GOVIT_INVALID_INPUT";
            case INPUT_TOO_LARGE: return "GOVIT_INPUT_TOO_LARGE";
            case UNSUPPORTED: return "GOVIT_UNSUPPORTED";
            case INTERNAL: return "GOVIT_INTERNAL";
            default: return "GOVIT_STATUS_" + code;
        }
    }

    private static String describe(int code, String errorJson) {
        return statusName(code) + " (" + code + ")"
                + (errorJson != null ? ": " + errorJson : "");
    }

    /** An error document of the contract's shape, for errors detected on the Java side. */
    static String fallbackDocument(int code, String message) {
        String name;
        switch (code) {
            case NULL_ARGUMENT: name = "null_argument"; break;
            case INVALID_UTF8: name = "invalid_utf8"; break;
            case INVALID_JSON: name = "invalid_json"; break;
            case INVALID_INPUT: name = "invalid_input"; break;
            case INPUT_TOO_LARGE: name = "input_too_large"; break;
            case UNSUPPORTED: name = "unsupported"; break;
            case INTERNAL: name = "internal"; break;
            default: name = "unknown";
        }
        return "{\"error\":{\"code\":\"" + name + "\",\"message\":\"" + escape(message)
                + "\",\"path\":\"$\"}}";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
