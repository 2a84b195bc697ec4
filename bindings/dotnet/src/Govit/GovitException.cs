using System;
using System.Runtime.Serialization;
using Govit.Internal;

namespace Govit
{
    /// <summary>
    /// Thrown for every status other than <see cref="GovitStatus.Ok"/>.
    /// <see cref="ErrorJson"/> is the kernel's error document,
    /// <c>{"error":{"code":"invalid_input","message":"…","path":"$.budget_yuan"}}</c>;
    /// <see cref="Code"/>, <see cref="ErrorMessage"/> and <see cref="JsonPath"/> are read from it.
    /// A rejected transition is not an exception: <c>Apply</c> returns <c>"accepted": false</c>.
    /// </summary>
    [Serializable]
    public class GovitException : Exception
    {
        /// <summary>An exception for <paramref name="status"/> with the kernel's error document.</summary>
        public GovitException(GovitStatus status, string errorJson)
            : this(status, errorJson, Read(errorJson))
        {
        }

        // An error document of the binding's own, with the runtime's exception that caused it.
        internal static GovitException WithCause(GovitStatus status, string errorJson, Exception innerException)
        {
            return new GovitException(status, errorJson, Read(errorJson), innerException);
        }

        private GovitException(GovitStatus status, string errorJson, string[] parts, Exception innerException = null)
            : base(Describe(status, parts), innerException)
        {
            Status = status;
            ErrorJson = errorJson;
            Code = parts[0];
            ErrorMessage = parts[1];
            JsonPath = parts[2];
        }

        /// <summary>An exception raised by the binding itself, with no error document
        /// (<see cref="GovitLibraryNotFoundException"/>).</summary>
        protected GovitException(GovitStatus status, string message, Exception innerException)
            : base(message, innerException)
        {
            Status = status;
            ErrorMessage = message;
        }

        /// <summary>Deserialization constructor.</summary>
        protected GovitException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            Status = (GovitStatus)info.GetInt32("Status");
            ErrorJson = info.GetString("ErrorJson");
            Code = info.GetString("Code");
            ErrorMessage = info.GetString("ErrorMessage");
            JsonPath = info.GetString("JsonPath");
        }

        /// <summary>The <c>govit_status</c> the call returned.</summary>
        public GovitStatus Status { get; }

        /// <summary>The error document returned by the kernel (null if it returned none).</summary>
        public string ErrorJson { get; }

        /// <summary><c>error.code</c>, e.g. <c>"invalid_json"</c>; null if absent.</summary>
        public string Code { get; }

        /// <summary><c>error.message</c>, in the engine's locale; null if absent.</summary>
        public string ErrorMessage { get; }

        /// <summary><c>error.path</c>, e.g. <c>"$.budget_yuan"</c>; null if absent.</summary>
        public string JsonPath { get; }

        /// <inheritdoc />
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue("Status", (int)Status);
            info.AddValue("ErrorJson", ErrorJson);
            info.AddValue("Code", Code);
            info.AddValue("ErrorMessage", ErrorMessage);
            info.AddValue("JsonPath", JsonPath);
        }

        private static string[] Read(string errorJson)
        {
            var parts = new string[3];
            if (string.IsNullOrEmpty(errorJson)) return parts;
            try
            {
                object doc = Json.Parse(errorJson);
                parts[0] = Json.Get(doc, "error", "code") as string;
                parts[1] = Json.Get(doc, "error", "message") as string;
                parts[2] = Json.Get(doc, "error", "path") as string;
            }
            catch (FormatException)
            {
                // Not JSON: keep ErrorJson as it is, the message falls back to the status.
            }
            return parts;
        }

        private static string Describe(GovitStatus status, string[] parts)
        {
            string text = "govit: " + (parts[0] ?? StatusName(status)) + " (status " + ((int)status) + ")";
            if (parts[1] != null) text += ": " + parts[1];
            if (parts[2] != null) text += " [" + parts[2] + "]";
            return text;
        }

        private static string StatusName(GovitStatus status)
        {
            switch (status)
            {
                case GovitStatus.NullArgument: return "null_argument";
                case GovitStatus.InvalidUtf8: return "invalid_utf8";
                case GovitStatus.InvalidJson: return "invalid_json";
                case GovitStatus.InvalidInput: return "invalid_input";
                case GovitStatus.InputTooLarge: return "input_too_large";
                case GovitStatus.Unsupported: return "unsupported";
                case GovitStatus.Internal: return "internal";
                default: return "status_" + (int)status;
            }
        }
    }
}
