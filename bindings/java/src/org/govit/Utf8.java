package org.govit;

import java.nio.charset.StandardCharsets;

/**
 * Text crossing the JNI boundary, as standard UTF-8 bytes.
 *
 * <p>JNI's own string functions ({@code GetStringUTFChars}, {@code NewStringUTF}) speak
 * <em>modified</em> UTF-8, which writes a character outside the Basic Multilingual Plane
 * (rare CJK such as 𠀀 or 𪚥, emoji) as two 3-byte surrogates: the kernel would reject
 * that as invalid UTF-8, or a result would come back garbled. So strings are encoded here
 * and handed to the glue as {@code byte[]}, and results come back as {@code byte[]} decoded
 * with {@link StandardCharsets#UTF_8}. The JSON calls on String ({@code check}, {@code apply},
 * {@code verify}) do the same conversion in the glue instead, in one pass without a
 * {@code byte[]} on either side (same rules; see {@code native/govit_jni.c}).
 *
 * <p>Two Java strings cannot be written as a C string faithfully, and are not silently
 * altered:
 * <ul>
 * <li>an unpaired surrogate (a broken {@code String}) is written as its 3-byte form, which
 *     is not UTF-8, so the kernel itself answers {@code GOVIT_INVALID_UTF8} (2) — where
 *     {@link String#getBytes} would quietly have put a {@code '?'} in its place;</li>
 * <li>U+0000 would cut the C string short; it cannot occur unescaped in JSON text nor in
 *     a date, so it is refused here with {@code GOVIT_INVALID_JSON} (3) for a JSON argument
 *     or {@code GOVIT_INVALID_INPUT} (4) for a date.</li>
 * </ul>
 */
final class Utf8 {
    private Utf8() {}

    /**
     * Encodes {@code s}; {@code null} stays {@code null} (the kernel answers
     * {@code GOVIT_NULL_ARGUMENT} where the argument is required).
     *
     * @param nulStatus the status to throw if {@code s} contains U+0000
     */
    static byte[] encode(String s, int nulStatus) {
        if (s == null) {
            return null;
        }
        final int n = s.length();
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw nulError(nulStatus, i);
                }
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3; // BMP character, or an unpaired surrogate (left for the kernel to refuse)
            }
        }
        if (size == n) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] out = new byte[size];
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[j++] = (byte) c;
            } else if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[j++] = (byte) (0xF0 | (cp >> 18));
                out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /**
     * The error for U+0000 at UTF-16 index {@code index} of a string argument; also called
     * by the JNI glue, which encodes the String arguments of the JSON calls itself.
     */
    static GovitException nulError(int nulStatus, int index) {
        return new GovitException(nulStatus, GovitException.fallbackDocument(nulStatus,
                "the text contains U+0000 at UTF-16 index " + index
                        + "; it cannot appear unescaped in JSON or a date,"
                        + " and a C string cannot carry it"));
    }

    /** The index of the first 0 byte of {@code utf8}, or -1. */
    static int indexOfNul(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes a result from the kernel, which always writes valid UTF-8. */
    static String decode(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
