using System;
using System.Globalization;
using System.Threading;

namespace Govit
{
    /// <summary>
    /// A govit rules engine: the Qufu profile, the working-day calendar and the settings,
    /// immutable once created. The kernel is stateless — pass the project record (JSON) in with
    /// each call and store the record that <see cref="Apply"/> returns.
    /// </summary>
    /// <remarks>
    /// <para>Thread safety: one engine may be shared by any number of threads; every method is
    /// safe to call concurrently. <see cref="Dispose"/> may even race with calls on other
    /// threads: calls already inside the kernel finish normally, the native engine is freed
    /// after the last of them, and later calls throw <see cref="ObjectDisposedException"/>.</para>
    /// <para>Errors: every non-OK status throws <see cref="GovitException"/>. A null argument
    /// throws <see cref="ArgumentNullException"/> before any native call (only
    /// <c>optionsJson</c> of <see cref="Check"/> and <c>configJson</c> of the constructor may be
    /// null). A string with an embedded U+0000 or a lone surrogate throws
    /// <see cref="ArgumentException"/>.</para>
    /// <para>All results are UTF-8 JSON documents as described in the govit contract (§3),
    /// returned as .NET strings.</para>
    /// </remarks>
    public sealed class GovitEngine : IDisposable
    {
        /// <summary>The C ABI version this binding is written against.</summary>
        public const int SupportedAbiVersion = 1;

        private static string _version;

        private readonly GovitEngineHandle _handle;

        // Set by Dispose. The SafeHandle alone is not enough to refuse new calls: it only
        // becomes "closed" once its reference count drops to zero, so while other threads keep
        // calls in flight it would keep accepting new ones. This flag makes every call that
        // starts after Dispose throw; the handle still frees the engine only after the calls
        // already in progress have returned.
        private int _disposed;

        /// <summary>An engine with the default configuration (profile <c>qufu-2024</c>, locale <c>zh-CN</c>).</summary>
        public GovitEngine() : this(null)
        {
        }

        /// <summary>
        /// An engine configured by <paramref name="configJson"/>, e.g.
        /// <c>{"locale":"en","max_input_bytes":1048576}</c> (CONTRACT §2); null means the defaults.
        /// </summary>
        /// <exception cref="GovitException">Invalid configuration (status InvalidJson, InvalidInput or
        /// Unsupported), or a native library of another ABI version (Unsupported).</exception>
        /// <exception cref="GovitLibraryNotFoundException">The native library (libgovit.so / govit.dll /
        /// libgovit.dylib) was not found or cannot be loaded; the message says where it was looked for.</exception>
        public GovitEngine(string configJson)
        {
            int abi = AbiVersion;
            if (abi != SupportedAbiVersion)
            {
                throw new GovitException(GovitStatus.Unsupported,
                    "{\"error\":{\"code\":\"unsupported\",\"message\":\"the native govit library has ABI version " +
                    abi.ToString(CultureInfo.InvariantCulture) + "; this binding needs " +
                    SupportedAbiVersion.ToString(CultureInfo.InvariantCulture) + "\"}}");
            }
            byte[] config = configJson == null ? null : Utf8.Encode(configJson, nameof(configJson));
            IntPtr error = IntPtr.Zero;
            GovitEngineHandle handle = null;
            string errorJson = null;
            int status;
            try
            {
                status = NativeLoader.EngineNew(config, out handle, ref error);
            }
            finally
            {
                // Decode and free the error document on every path.
                errorJson = Utf8.TakeOwned(error);
            }
            if (status != (int)GovitStatus.Ok || handle == null || handle.IsInvalid)
            {
                if (handle != null) handle.Dispose();
                throw new GovitException(
                    status == (int)GovitStatus.Ok ? GovitStatus.Internal : (GovitStatus)status,
                    errorJson);
            }
            _handle = handle;
        }

        /// <summary>The native library's crate version (<c>govit_version()</c>), e.g. <c>"0.1.0"</c>.</summary>
        public static string Version
        {
            get
            {
                string v = _version;
                if (v == null)
                {
                    // A static string owned by the library: decoded, never freed.
                    NativeLoader.EnsureLoaded();
                    v = Utf8.Decode(NativeLoader.Version());
                    _version = v;
                }
                return v;
            }
        }

        /// <summary>The native library's ABI version (<c>govit_abi_version()</c>); this binding needs 1.</summary>
        public static int AbiVersion
        {
            get
            {
                NativeLoader.EnsureLoaded();
                return unchecked((int)NativeLoader.AbiVersion());
            }
        }

        /// <summary>
        /// Checks a project record: the rules that apply in its state, overdue obligations as of
        /// <c>as_of</c>, upcoming deadlines and the events that may come next.
        /// </summary>
        /// <param name="projectJson">The project record.</param>
        /// <param name="optionsJson"><c>{"as_of": "YYYY-MM-DD", "actor": {...}}</c>, both optional; may be null.</param>
        /// <returns><c>{"project_id", "state", "in_scope", "findings", "deadlines", "allowed_events"}</c></returns>
        public string Check(string projectJson, string optionsJson = null)
        {
            GovitEngineHandle h = Live();
            byte[] project = Utf8.Encode(projectJson, nameof(projectJson));
            byte[] options = optionsJson == null ? null : Utf8.Encode(optionsJson, nameof(optionsJson));
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_check(h, project, options, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>
        /// Applies an event to a project record. A refused event is not an exception:
        /// the result has <c>"accepted": false</c>, the blocking findings and the unchanged record.
        /// </summary>
        /// <returns><c>{"accepted", "state_before", "state_after", "findings", "project"}</c> —
        /// store <c>project</c> as the new record.</returns>
        public string Apply(string projectJson, string eventJson)
        {
            GovitEngineHandle h = Live();
            byte[] project = Utf8.Encode(projectJson, nameof(projectJson));
            byte[] evt = Utf8.Encode(eventJson, nameof(eventJson));
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_apply(h, project, evt, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>Verifies the tamper-evident history of a project record.</summary>
        /// <returns><c>{"valid", "problems": [{"code", "seq", "message"}]}</c></returns>
        public string Verify(string projectJson)
        {
            GovitEngineHandle h = Live();
            byte[] project = Utf8.Encode(projectJson, nameof(projectJson));
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_verify(h, project, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>Working-day information for an ISO date <c>YYYY-MM-DD</c>.</summary>
        /// <returns><c>{"date", "working_day", "kind", "calendar_known"}</c></returns>
        public string DayInfo(string date)
        {
            GovitEngineHandle h = Live();
            byte[] d = Utf8.Encode(date, nameof(date));
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_day_info(h, d, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>The date <paramref name="days"/> working days after <paramref name="date"/>
        /// (the day itself not counted), by the engine's calendar.</summary>
        /// <returns><c>{"date", "calendar_known"}</c></returns>
        public string AddWorkingDays(string date, int days)
        {
            GovitEngineHandle h = Live();
            byte[] d = Utf8.Encode(date, nameof(date));
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_add_working_days(h, d, days, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>The rule catalogue: <c>[{"rule", "article", "severity", "title", "title_en"}, ...]</c>.</summary>
        public string Rules()
        {
            GovitEngineHandle h = Live();
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = NativeMethods.govit_rules(h, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            return Finish(status, json);
        }

        /// <summary>
        /// Frees the native engine (once the calls in progress on other threads have returned).
        /// Calling it again does nothing; any other method called afterwards throws
        /// <see cref="ObjectDisposedException"/>.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _handle.Dispose();
            }
        }

        private GovitEngineHandle Live()
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                throw Disposed();
            }
            // If Dispose wins the race from here on, either the marshaller's DangerousAddRef
            // throws ObjectDisposedException (the handle is already closed) or the call runs
            // to completion on a still-valid engine and the handle frees it afterwards.
            return _handle;
        }

        private static ObjectDisposedException Disposed()
        {
            return new ObjectDisposedException(nameof(GovitEngine));
        }

        private static string Finish(int status, IntPtr json)
        {
            // Take ownership first, so the native string is freed on every path.
            string text = Utf8.TakeOwned(json);
            if (status != (int)GovitStatus.Ok)
            {
                throw new GovitException((GovitStatus)status, text);
            }
            if (text == null)
            {
                throw new GovitException(GovitStatus.Internal,
                    "{\"error\":{\"code\":\"internal\",\"message\":\"the kernel returned OK without a result\"}}");
            }
            return text;
        }
    }
}
