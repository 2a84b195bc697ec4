using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Govit
{
    /// <summary>UTF-8 conversions at the native boundary.</summary>
    internal static class Utf8
    {
        // Strict: a lone surrogate in a .NET string is an error, not a silent U+FFFD.
        private static readonly UTF8Encoding Strict =
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>
        /// Encodes <paramref name="value"/> as NUL-terminated UTF-8.
        /// Throws <see cref="ArgumentNullException"/> for null, and <see cref="ArgumentException"/>
        /// for an embedded U+0000 (it would truncate the C string; JSON writes it as <c>\u0000</c>)
        /// or a lone UTF-16 surrogate (not representable in UTF-8).
        /// </summary>
        internal static byte[] Encode(string value, string paramName)
        {
            if (value == null)
            {
                throw new ArgumentNullException(paramName);
            }
            if (value.IndexOf('\0') >= 0)
            {
                throw new ArgumentException(
                    "The string contains a NUL character (U+0000), which would truncate it at the C boundary; " +
                    "JSON text writes it as \\u0000.", paramName);
            }
            int length;
            try
            {
                length = Strict.GetByteCount(value);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    "The string contains a lone UTF-16 surrogate and cannot be encoded as UTF-8.", paramName, e);
            }
            var bytes = new byte[length + 1]; // the last byte stays 0: the terminator
            Strict.GetBytes(value, 0, value.Length, bytes, 0);
            return bytes;
        }

        // Per-thread buffers for the two JSON arguments of a call, reused from call to call:
        // the native call has returned before the thread encodes again.
        [ThreadStatic] private static byte[] first;
        [ThreadStatic] private static byte[] second;

        /// <summary>
        /// <see cref="Encode(string, string)"/> into this thread's buffer <paramref name="slot"/>
        /// (0 or 1), one pass and no allocation once the buffer is large enough. The bytes are
        /// valid until the thread encodes into the same slot again.
        /// </summary>
        internal static unsafe byte[] EncodeReused(string value, string paramName, int slot)
        {
            if (value == null)
            {
                throw new ArgumentNullException(paramName);
            }
            if (value.IndexOf('\0') >= 0)
            {
                return Encode(value, paramName); // throws the NUL error
            }
            byte[] buffer = slot == 0 ? first : second;
            int need = Strict.GetMaxByteCount(value.Length) + 1;
            if (buffer == null || buffer.Length < need)
            {
                buffer = new byte[Math.Max(need, 4096)];
                if (slot == 0) { first = buffer; } else { second = buffer; }
            }
            int n;
            try
            {
                fixed (char* c = value)
                fixed (byte* b = buffer)
                {
                    n = Strict.GetBytes(c, value.Length, b, buffer.Length - 1);
                }
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    "The string contains a lone UTF-16 surrogate and cannot be encoded as UTF-8.", paramName, e);
            }
            buffer[n] = 0; // the terminator
            return buffer;
        }

        /// <summary>Decodes a NUL-terminated UTF-8 string owned by native code (not freed here).</summary>
        internal static unsafe string Decode(IntPtr p)
        {
            if (p == IntPtr.Zero)
            {
                return null;
            }
            byte* s = (byte*)p;
            int n = 0;
            // Byte by byte up to an 8-byte boundary, then eight bytes at a time until a word
            // holds a zero byte: an aligned word never crosses into the next page.
            while (((ulong)(s + n) & 7) != 0)
            {
                if (s[n] == 0)
                {
                    return n == 0 ? string.Empty : Encoding.UTF8.GetString(s, n);
                }
                n++;
            }
            while (true)
            {
                ulong w = *(ulong*)(s + n);
                if (((w - 0x0101010101010101UL) & ~w & 0x8080808080808080UL) != 0)
                {
                    break;
                }
                n += 8;
            }
            while (s[n] != 0)
            {
                n++;
            }
            return n == 0 ? string.Empty : Encoding.UTF8.GetString(s, n);
        }

        /// <summary>Decodes a string returned through a <c>char **out_*</c> parameter and frees it
        /// with <c>govit_string_free</c>, exactly once, whatever happens.</summary>
        internal static string TakeOwned(IntPtr p)
        {
            if (p == IntPtr.Zero)
            {
                return null;
            }
            try
            {
                return Decode(p);
            }
            finally
            {
                NativeMethods.govit_string_free(p);
            }
        }
    }
}
