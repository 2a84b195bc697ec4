using System;
using System.Runtime.Serialization;

namespace Govit
{
    /// <summary>
    /// The native library could not be found or loaded (thrown by the first
    /// <c>new GovitEngine()</c>, <see cref="GovitEngine.Version"/> or
    /// <see cref="GovitEngine.AbiVersion"/>). The message names the file looked for
    /// (<c>libgovit.so</c>, <c>govit.dll</c>, <c>libgovit.dylib</c>), the folders searched and how
    /// to point the binding elsewhere: the environment variable <c>GOVIT_LIBRARY_PATH</c>, set to
    /// the file or its folder (also from code, with <c>Environment.SetEnvironmentVariable</c>,
    /// before the first engine). <see cref="GovitException.Status"/> is
    /// <see cref="GovitStatus.Unsupported"/>; <see cref="Exception.InnerException"/> is the
    /// runtime's own exception (<see cref="DllNotFoundException"/>, <see cref="BadImageFormatException"/>…)
    /// when there is one.
    /// </summary>
    [Serializable]
    public class GovitLibraryNotFoundException : GovitException
    {
        /// <summary>An exception with <paramref name="message"/> and the runtime's exception.</summary>
        public GovitLibraryNotFoundException(string message, Exception innerException)
            : base(GovitStatus.Unsupported, message, innerException)
        {
        }

        /// <summary>Deserialization constructor.</summary>
        protected GovitLibraryNotFoundException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
