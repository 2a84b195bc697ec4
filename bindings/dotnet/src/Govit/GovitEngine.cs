using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Govit.Internal;

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
    /// <para>Results: the string methods return the kernel's UTF-8 JSON documents as .NET strings
    /// (docs/contract.md). The typed methods (<see cref="CheckTyped"/>, <see cref="ApplyTyped"/>,
    /// <see cref="Preview"/>, <see cref="Lifecycle"/>) read the same documents into
    /// <see cref="CheckResult"/>, <see cref="Decision"/> and <see cref="Govit.Lifecycle"/>, which
    /// keep the document as <c>Json</c>; no JSON library is involved.</para>
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
        /// <c>{"locale":"en","max_input_bytes":1048576}</c> (docs/contract.md); null means the defaults.
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
        /// <returns><c>{"project_id", "state", "in_scope", "findings", "deadlines", "allowed_events"}</c>,
        /// and <c>"next_steps"</c> when <c>options.actor</c> is given (<see cref="CheckTyped"/> reads it).</returns>
        public string Check(string projectJson, string optionsJson = null)
        {
            return Call(CheckCall, "govit_check", projectJson, nameof(projectJson),
                        optionsJson, nameof(optionsJson), secondOptional: true);
        }

        /// <summary>
        /// Applies an event to a project record. A refused event is not an exception:
        /// the result has <c>"accepted": false</c>, the blocking findings and the unchanged record.
        /// </summary>
        /// <returns><c>{"accepted", "state_before", "state_after", "findings", "project"}</c> —
        /// store <c>project</c> as the new record.</returns>
        public string Apply(string projectJson, string eventJson)
        {
            return Call(ApplyCall, "govit_apply", projectJson, nameof(projectJson),
                        eventJson, nameof(eventJson), secondOptional: false);
        }

        /// <summary>
        /// What <see cref="Apply"/> would decide for the same inputs, without the new record and
        /// without hashing: to check a form before the clerk submits it, or to ask "may I?".
        /// </summary>
        /// <returns><c>{"accepted", "state_before", "state_after", "findings"}</c></returns>
        public string PreviewJson(string projectJson, string eventJson)
        {
            return Call(PreviewCall, "govit_preview", projectJson, nameof(projectJson),
                        eventJson, nameof(eventJson), secondOptional: false);
        }

        /// <summary><see cref="PreviewJson"/>, read: its findings are those <see cref="ApplyTyped"/> would
        /// return; <see cref="Decision.ProjectJson"/> is null.</summary>
        public Decision Preview(string projectJson, string eventJson)
        {
            return Typed(PreviewJson(projectJson, eventJson), Decision.Parse);
        }

        /// <summary><see cref="Check"/>, read. With <c>options.actor</c>, <see cref="CheckResult.NextSteps"/>
        /// lists what that actor may do now and what blocks it.</summary>
        public CheckResult CheckTyped(string projectJson, string optionsJson = null)
        {
            return Typed(Check(projectJson, optionsJson), CheckResult.Parse);
        }

        /// <summary><see cref="Apply"/>, read: store <see cref="Decision.ProjectJson"/> as the new record.</summary>
        public Decision ApplyTyped(string projectJson, string eventJson)
        {
            return Typed(Apply(projectJson, eventJson), Decision.Parse);
        }

        /// <summary>Verifies the tamper-evident history of a project record.</summary>
        /// <returns><c>{"valid", "problems": [{"code", "seq", "message"}]}</c></returns>
        public string Verify(string projectJson)
        {
            GovitEngineHandle h = Live();
            byte[] project = Utf8.EncodeReused(projectJson, nameof(projectJson), 0);
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
        /// The lifecycle as data (<c>govit_lifecycle</c>): states, roles and documents with their
        /// labels, and every event with its roles, <c>from</c>/<c>to</c>, <c>data</c> fields, documents
        /// and rules.
        /// </summary>
        /// <returns><c>{"states", "roles", "documents", "events", "rules_for_every_event"}</c></returns>
        public string LifecycleJson()
        {
            GovitEngineHandle h = Live();
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = CallLifecycle(h, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            catch (EntryPointNotFoundException e)
            {
                throw TooOld("govit_lifecycle", e);
            }
            return Finish(status, json);
        }

        /// <summary><see cref="LifecycleJson"/>, read: what an OA needs to draw its workflow, buttons and forms.</summary>
        public Lifecycle Lifecycle()
        {
            return Typed(LifecycleJson(), Govit.Lifecycle.Parse);
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

        private delegate int TwoTextCall(GovitEngineHandle engine, byte[] first, byte[] second, ref IntPtr outJson);

        // Made once: a method group converted at each call would allocate a delegate per call.
        private static readonly TwoTextCall CheckCall = NativeMethods.govit_check;
        private static readonly TwoTextCall ApplyCall = NativeMethods.govit_apply;
        private static readonly TwoTextCall PreviewCall = CallPreview;

        // A call with two JSON texts: both encoded into this thread's buffers, the result taken
        // and freed. `second` may be null only when `secondOptional` (check's options).
        private string Call(TwoTextCall call, string function, string first, string firstName,
                            string second, string secondName, bool secondOptional)
        {
            GovitEngineHandle h = Live();
            byte[] a = Utf8.EncodeReused(first, firstName, 0);
            byte[] b = second == null && secondOptional ? null : Utf8.EncodeReused(second, secondName, 1);
            IntPtr json = IntPtr.Zero;
            int status;
            try
            {
                status = call(h, a, b, ref json);
            }
            catch (ObjectDisposedException)
            {
                throw Disposed();
            }
            catch (EntryPointNotFoundException e)
            {
                throw TooOld(function, e);
            }
            return Finish(status, json);
        }

        // Functions added to ABI 1 after its first release: a library older than this binding
        // lacks them. Called through NoInlining methods so that the runtime resolves the entry
        // point inside the try of the caller (Mono binds a P/Invoke when it compiles its caller).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CallPreview(GovitEngineHandle h, byte[] project, byte[] evt, ref IntPtr json)
        {
            return NativeMethods.govit_preview(h, project, evt, ref json);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CallLifecycle(GovitEngineHandle h, ref IntPtr json)
        {
            return NativeMethods.govit_lifecycle(h, ref json);
        }

        private static GovitException TooOld(string function, EntryPointNotFoundException cause)
        {
            string message = "the native library (" + NativeLoader.Source + ", version " + Version +
                             ") has no " + function + ": it is older than this binding (" +
                             typeof(GovitEngine).Assembly.GetName().Version.ToString(3) +
                             "); install the native library of the same release, or point " +
                             NativeLoader.EnvironmentVariable + " to it";
            return GovitException.WithCause(GovitStatus.Unsupported,
                "{\"error\":{\"code\":\"unsupported\",\"message\":" + Json.Quote(message) + "}}", cause);
        }

        // A document the binding cannot read is a kernel/binding mismatch: status Internal.
        private static T Typed<T>(string json, Func<string, T> parse)
        {
            try
            {
                return parse(json);
            }
            catch (FormatException e)
            {
                throw new GovitException(GovitStatus.Internal,
                    "{\"error\":{\"code\":\"internal\",\"message\":" + Json.Quote(e.Message) + "}}");
            }
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
