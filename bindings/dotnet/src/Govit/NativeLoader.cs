// Finds the native library (libgovit.so / govit.dll / libgovit.dylib) before the first
// P/Invoke, and turns "not found" into GovitLibraryNotFoundException, which names the file,
// the folders searched and the override.
//
// Where it looks, first hit wins:
//   1. GOVIT_LIBRARY_PATH (environment variable): the file, or a folder holding it. When set,
//      nothing else is tried: a misconfigured server never runs on some other copy.
//   2. For each of: the folder of Govit.dll, its original folder when ASP.NET shadow-copies
//      it, the application base and its private bin path:
//        <folder>/<file>                           (copied beside the application)
//        <folder>/runtimes/<rid>/native/<file>     (the NuGet layout: .NET Core output, and
//                                                   what build/Govit.targets copies for
//                                                   .NET Framework, one folder per RID)
//   3. The runtime's own search (deps.json on .NET Core, PATH, LD_LIBRARY_PATH, ldconfig).
//
// A file found in 1 or 2 is bound to DllImport("govit") by the means the runtime has:
// NativeLibrary.SetDllImportResolver on .NET Core 3.0+ (by reflection: netstandard2.0 lacks
// it), a global dllmap on Mono, and LoadLibraryEx on .NET Framework (Windows then resolves
// "govit.dll" to the module already loaded).
//
// Mono resolves a P/Invoke when it compiles the method that calls it, so the entry points
// (GovitEngine's constructor, Version, AbiVersion) reach their first native calls through
// the NoInlining methods at the end, compiled only once EnsureLoaded has run.

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Govit
{
    internal static class NativeLoader
    {
        internal const string EnvironmentVariable = "GOVIT_LIBRARY_PATH";

        private static readonly object Gate = new object();
        private static volatile bool _loaded;
        private static string _failure;
        private static Exception _failureCause;
        private static IntPtr _handle;

        /// <summary>Where the library was loaded from: a path, or "the runtime's search".</summary>
        internal static string Source { get; private set; }

        internal static void EnsureLoaded()
        {
            if (_loaded) return;
            lock (Gate)
            {
                if (!_loaded && _failure == null)
                {
                    try
                    {
                        Load();
                        _loaded = true;
                    }
                    catch (GovitLibraryNotFoundException e)
                    {
                        _failure = e.Message;
                        _failureCause = e.InnerException;
                    }
                }
                if (_failure != null) throw new GovitLibraryNotFoundException(_failure, _failureCause);
            }
        }

        /// <summary><c>libgovit.so</c>, <c>govit.dll</c> or <c>libgovit.dylib</c>.</summary>
        internal static string FileName
        {
            get
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return NativeMethods.Library + ".dll";
                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "lib" + NativeMethods.Library + ".dylib";
                return "lib" + NativeMethods.Library + ".so";
            }
        }

        /// <summary>The runtime identifier of this process: <c>linux-x64</c>, <c>win-x86</c>, <c>linux-loongarch64</c>…</summary>
        internal static string RuntimeId
        {
            get
            {
                string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "linux";
                // By name: LoongArch64 is not in netstandard2.0's enum, but .NET 7+ reports it.
                return os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            }
        }

        private static void Load()
        {
            string file = FileName;
            string explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var searched = new List<string>();
            string found = null;
            if (!string.IsNullOrEmpty(explicitPath))
            {
                found = Directory.Exists(explicitPath) ? Path.Combine(explicitPath, file) : explicitPath;
                found = Path.GetFullPath(found);
                if (!File.Exists(found))
                {
                    throw new GovitLibraryNotFoundException(
                        "govit: " + EnvironmentVariable + " names " + found + ", which does not exist. " +
                        "Set it to the native library (" + file + " for " + RuntimeId + ") or to the folder holding it.",
                        null);
                }
            }
            else
            {
                foreach (string folder in Folders())
                {
                    foreach (string candidate in new[]
                             {
                                 Path.Combine(folder, file),
                                 Path.Combine(folder, "runtimes", RuntimeId, "native", file),
                             })
                    {
                        searched.Add(Path.GetDirectoryName(candidate));
                        if (found == null && File.Exists(candidate)) found = candidate;
                    }
                }
            }

            if (found != null) Bind(found);
            Source = found ?? "the runtime's search";
            try
            {
                AbiVersion();
            }
            catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException ||
                                      e is EntryPointNotFoundException)
            {
                string what = found != null
                    ? "cannot load " + found + " (" + Reason(found, e) + "; a library for another platform? This process is " +
                      RuntimeId + ")"
                    : "cannot find " + file + " for " + RuntimeId + ". Searched: " + string.Join(", ", searched) +
                      ", then the runtime's own search (" + SystemSearch() + ")";
                throw NotFound(what, e);
            }
        }

        private static GovitLibraryNotFoundException NotFound(string what, Exception cause)
        {
            return new GovitLibraryNotFoundException(
                "govit: " + what + ". Set the environment variable " + EnvironmentVariable +
                " to the library file or its folder, or copy it beside the application " +
                "(NuGet: runtimes/" + RuntimeId + "/native/" + FileName + ").", cause);
        }

        // Why a file did not load. Mono's DllNotFoundException says only
        // "<path> assembly:<unknown assembly> type:<unknown type> member:(null)": on Linux the
        // dynamic loader's own reason (dlerror: "invalid ELF header", "wrong ELF class:
        // ELFCLASS32", a missing dependency) is asked for instead.
        private static string Reason(string path, Exception e)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                try
                {
                    const int RtldNow = 2;
                    IntPtr h = DlOpen(path, RtldNow);
                    if (h == IntPtr.Zero)
                    {
                        IntPtr error = DlError();
                        if (error != IntPtr.Zero) return Marshal.PtrToStringAnsi(error);
                    }
                    else
                    {
                        DlClose(h);
                    }
                }
                catch (Exception probe) when (probe is DllNotFoundException || probe is EntryPointNotFoundException)
                {
                    // No libdl.so.2 (a libc other than glibc): fall back on the runtime's message.
                }
            }
            string message = e.Message;
            int cut = message.IndexOf(" assembly:<unknown assembly>", StringComparison.Ordinal);
            return cut >= 0 ? message.Substring(0, cut) : message;
        }

        private static string SystemSearch()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "the application folder and PATH";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "DYLD_LIBRARY_PATH and the system folders";
            return "LD_LIBRARY_PATH and the system folders";
        }

        private static IEnumerable<string> Folders()
        {
            var folders = new List<string>();
            Action<string> add = dir =>
            {
                if (string.IsNullOrEmpty(dir)) return;
                string full = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar);
                if (!folders.Contains(full)) folders.Add(full);
            };
            Assembly self = typeof(NativeLoader).Assembly;
            add(Path.GetDirectoryName(self.Location));
            try
            {
                // ASP.NET shadow-copies assemblies: CodeBase is where Govit.dll was deployed.
                var codeBase = new Uri(self.CodeBase);
                if (codeBase.IsFile) add(Path.GetDirectoryName(codeBase.LocalPath));
            }
            catch (Exception e) when (e is NotSupportedException || e is UriFormatException || e is NotImplementedException)
            {
            }
            string appBase = AppDomain.CurrentDomain.BaseDirectory;
            add(appBase);
            string bin = AppDomain.CurrentDomain.RelativeSearchPath;
            if (!string.IsNullOrEmpty(bin) && !string.IsNullOrEmpty(appBase))
            {
                foreach (string part in bin.Split(Path.PathSeparator)) add(Path.Combine(appBase, part));
            }
            return folders;
        }

        private static void Bind(string path)
        {
            if (Type.GetType("Mono.Runtime") != null)
            {
                // A global mapping (no image): DllImport("govit") in any assembly opens the
                // file. (Mono has NativeLibrary too, but its DllImport does not ask resolvers.)
                MonoDllMapInsert(IntPtr.Zero, NativeMethods.Library, null, path, null);
                return;
            }
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary", false);
            if (nativeLibrary != null && BindWithResolver(nativeLibrary, path)) return;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                const uint LoadWithAlteredSearchPath = 0x8;
                if (LoadLibraryEx(path, IntPtr.Zero, LoadWithAlteredSearchPath) == IntPtr.Zero)
                {
                    throw NotFound("cannot load " + path + " (Windows error " + Marshal.GetLastWin32Error() +
                        "; a DLL of the other bitness? This process is " + RuntimeId + ")", null);
                }
            }
        }

        // .NET Core 3.0+: NativeLibrary.Load(path), and a resolver that hands its handle to
        // DllImport("govit") of this assembly.
        private static bool BindWithResolver(Type nativeLibrary, string path)
        {
            MethodInfo load = nativeLibrary.GetMethod("Load", new[] { typeof(string) });
            Type resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver", false);
            MethodInfo set = resolverType == null ? null
                : nativeLibrary.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            if (load == null || set == null) return false;
            try
            {
                _handle = (IntPtr)load.Invoke(null, new object[] { path });
            }
            catch (TargetInvocationException e)
            {
                throw NotFound("cannot load " + path + " (" + Reason(path, e.InnerException) +
                    "; a library for another platform? This process is " + RuntimeId + ")", e.InnerException);
            }
            MethodInfo resolve = typeof(NativeLoader).GetMethod(nameof(Resolve), BindingFlags.NonPublic | BindingFlags.Static);
            set.Invoke(null, new object[] { typeof(NativeLoader).Assembly, Delegate.CreateDelegate(resolverType, resolve) });
            return true;
        }

        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            return libraryName == NativeMethods.Library ? _handle : IntPtr.Zero;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static uint AbiVersion()
        {
            return NativeMethods.govit_abi_version();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static IntPtr Version()
        {
            return NativeMethods.govit_version();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static int EngineNew(byte[] configJson, out GovitEngineHandle engine, ref IntPtr error)
        {
            return NativeMethods.govit_engine_new(configJson, out engine, ref error);
        }

        [DllImport("__Internal", EntryPoint = "mono_dllmap_insert", CharSet = CharSet.Ansi)]
        private static extern void MonoDllMapInsert(IntPtr image, string dll, string func, string tdll, string tfunc);

        [DllImport("libdl.so.2", EntryPoint = "dlopen", CharSet = CharSet.Ansi)]
        private static extern IntPtr DlOpen(string file, int mode);

        [DllImport("libdl.so.2", EntryPoint = "dlerror")]
        private static extern IntPtr DlError();

        [DllImport("libdl.so.2", EntryPoint = "dlclose")]
        private static extern int DlClose(IntPtr handle);

        [DllImport("kernel32", EntryPoint = "LoadLibraryExW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryEx(string path, IntPtr file, uint flags);
    }
}
