using System;
using System.Runtime.InteropServices;

namespace Govit
{
    /// <summary>
    /// Owns one native <c>govit_engine *</c>. The runtime guarantees that
    /// <see cref="ReleaseHandle"/> runs exactly once — on <c>Dispose</c>, or from the critical
    /// finalizer if the engine was never disposed — and only after every in-flight P/Invoke
    /// that received this handle has returned (SafeHandle reference counting).
    /// </summary>
    internal sealed class GovitEngineHandle : SafeHandle
    {
        // Instantiated by the P/Invoke marshaller for the `out` parameter of govit_engine_new.
        public GovitEngineHandle() : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.govit_engine_free(handle);
            handle = IntPtr.Zero;
            return true;
        }
    }
}
