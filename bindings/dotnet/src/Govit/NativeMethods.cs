// P/Invoke declarations for the govit C ABI (docs/contract.md, ABI version 1).
//
// The library "govit" (libgovit.so, govit.dll, libgovit.dylib) is found by NativeLoader
// before the first call (GovitEngine.AbiVersion, .Version and the constructor ensure it).
//
// Every string crosses the boundary as NUL-terminated UTF-8 bytes (byte[] in, IntPtr out);
// nothing here lets the marshaller convert a `char *` return into a System.String, because
// the marshaller would then free the native buffer with the wrong allocator
// (CoTaskMemFree / free) instead of govit_string_free.

using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Govit
{
    [SuppressUnmanagedCodeSecurity]
    internal static class NativeMethods
    {
        internal const string Library = "govit";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern uint govit_abi_version();

        /// <summary>Static string owned by the library: never freed.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr govit_version();

        /// <param name="configJson">NUL-terminated UTF-8, or null for the defaults.</param>
        /// <param name="engine">Receives the engine; the marshaller stores it in a fresh handle
        /// object as part of the call, so it cannot be lost to an asynchronous exception.</param>
        /// <param name="error">Receives an error document (free with govit_string_free) or NULL.</param>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_engine_new(byte[] configJson, out GovitEngineHandle engine,
                                                    ref IntPtr error);

        /// <summary>Called only from <see cref="GovitEngineHandle.ReleaseHandle"/>.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern void govit_engine_free(IntPtr engine);

        // The engine is passed as the SafeHandle itself: the marshaller calls DangerousAddRef
        // before the call and DangerousRelease after it, so a Dispose() racing with the call
        // on another thread only marks the handle closed and govit_engine_free runs once the
        // last call has returned. A handle that is already closed makes the marshaller throw
        // ObjectDisposedException before any native code runs.

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_check(GovitEngineHandle engine, byte[] projectJson,
                                               byte[] optionsJson, ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_apply(GovitEngineHandle engine, byte[] projectJson,
                                               byte[] eventJson, ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_preview(GovitEngineHandle engine, byte[] projectJson,
                                                 byte[] eventJson, ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_verify(GovitEngineHandle engine, byte[] projectJson,
                                                ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_day_info(GovitEngineHandle engine, byte[] date,
                                                  ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_add_working_days(GovitEngineHandle engine, byte[] date,
                                                          int days, ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_rules(GovitEngineHandle engine, ref IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int govit_lifecycle(GovitEngineHandle engine, ref IntPtr outJson);

        /// <summary>Frees a string returned through a <c>char **out_*</c> parameter; NULL is a no-op.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern void govit_string_free(IntPtr s);
    }
}
