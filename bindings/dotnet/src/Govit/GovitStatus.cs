namespace Govit
{
    /// <summary>The <c>govit_status</c> values of the C ABI (docs/contract.md).</summary>
    public enum GovitStatus
    {
        /// <summary>GOVIT_OK: success (a rejected transition is also OK, with <c>"accepted": false</c>).</summary>
        Ok = 0,
        /// <summary>GOVIT_NULL_ARGUMENT: a required pointer was NULL. The binding throws
        /// <see cref="System.ArgumentNullException"/> before calling, so this is not normally seen.</summary>
        NullArgument = 1,
        /// <summary>GOVIT_INVALID_UTF8. The binding encodes strictly, so this is not normally seen.</summary>
        InvalidUtf8 = 2,
        /// <summary>GOVIT_INVALID_JSON: not well-formed JSON.</summary>
        InvalidJson = 3,
        /// <summary>GOVIT_INVALID_INPUT: well-formed, but wrong shape or value.</summary>
        InvalidInput = 4,
        /// <summary>GOVIT_INPUT_TOO_LARGE: over the engine's <c>max_input_bytes</c> (default 4 MiB).</summary>
        InputTooLarge = 5,
        /// <summary>GOVIT_UNSUPPORTED: unknown profile, schema or ABI version.</summary>
        Unsupported = 6,
        /// <summary>GOVIT_INTERNAL: a bug in the kernel (a caught panic); the engine stays usable.</summary>
        Internal = 7,
    }
}
