using System;
using System.Globalization;
using Govit.Internal;

namespace Govit
{
    /// <summary>How much a finding weighs (the <c>severity</c> of a finding and of a rule).</summary>
    public enum Severity
    {
        /// <summary><c>info</c>: a note.</summary>
        Info,

        /// <summary><c>warning</c>: a "should" norm of the measures not met.</summary>
        Warning,

        /// <summary><c>violation</c>: a breach, recorded; the event still goes through.</summary>
        Violation,

        /// <summary><c>block</c>: the event is refused.</summary>
        Block,
    }

    /// <summary>
    /// One finding of <c>check</c>, <c>apply</c> or <c>preview</c>:
    /// <c>{"rule","article","severity","citation"?,"message","message_en","remedy"?,"remedy_en"?,"due"?}</c>.
    /// </summary>
    public sealed class Finding
    {
        internal Finding(Json.Fields f)
        {
            Rule = f.Str("rule");
            Article = f.OptInt("article");
            Severity = ParseSeverity(f, "severity");
            Citation = f.OptStr("citation");
            Message = f.Str("message");
            MessageEn = f.Str("message_en");
            Remedy = f.OptStr("remedy");
            RemedyEn = f.OptStr("remedy_en");
            Due = f.OptDate("due");
        }

        /// <summary>The rule id, e.g. <c>art28.contract_signing_late</c>.</summary>
        public string Rule { get; }

        /// <summary>The article of 《曲阜市政务信息化项目建设管理办法》, or null for a structural rule.</summary>
        public int? Article { get; }

        /// <summary>The severity.</summary>
        public Severity Severity { get; }

        /// <summary>The citation, e.g. 《曲阜市政务信息化项目建设管理办法》第二十八条; null when there is none.</summary>
        public string Citation { get; }

        /// <summary>The message in the engine's locale (zh-CN by default).</summary>
        public string Message { get; }

        /// <summary>The message in English.</summary>
        public string MessageEn { get; }

        /// <summary>What to do about it, in the engine's locale; null when the finding has no remedy.</summary>
        public string Remedy { get; }

        /// <summary>What to do about it, in English; null when the finding has no remedy.</summary>
        public string RemedyEn { get; }

        /// <summary>The due date (a date: midnight, <see cref="DateTimeKind.Unspecified"/>), or null.</summary>
        public DateTime? Due { get; }

        /// <summary><c>violation art28.contract_signing_late (due 2025-10-16): message</c>.</summary>
        public override string ToString()
        {
            return SeverityName(Severity) + " " + Rule +
                   (Due == null ? "" : " (due " + Due.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")") +
                   ": " + Message;
        }

        /// <summary>The JSON name of a severity: <c>info</c>, <c>warning</c>, <c>violation</c>, <c>block</c>.</summary>
        public static string SeverityName(Severity severity)
        {
            switch (severity)
            {
                case Severity.Info: return "info";
                case Severity.Warning: return "warning";
                case Severity.Violation: return "violation";
                case Severity.Block: return "block";
                default: throw new ArgumentOutOfRangeException(nameof(severity));
            }
        }

        internal static Severity ParseSeverity(Json.Fields f, string key)
        {
            string s = f.Str(key);
            switch (s)
            {
                case "info": return Severity.Info;
                case "warning": return Severity.Warning;
                case "violation": return Severity.Violation;
                case "block": return Severity.Block;
                default: throw new FormatException("govit: " + f.Path + "." + key + " is not a severity: " + s);
            }
        }
    }

    /// <summary>An upcoming deadline of <c>check</c>: <c>{"rule","event","due"}</c>.</summary>
    public sealed class Deadline
    {
        internal Deadline(Json.Fields f)
        {
            Rule = f.Str("rule");
            Event = f.Str("event");
            Due = f.Date("due");
        }

        /// <summary>The rule that reports it once overdue, e.g. <c>art36.self_evaluation_overdue</c>.</summary>
        public string Rule { get; }

        /// <summary>The event that meets it, e.g. <c>submit_self_evaluation</c>.</summary>
        public string Event { get; }

        /// <summary>The last day (a date: midnight, <see cref="DateTimeKind.Unspecified"/>).</summary>
        public DateTime Due { get; }
    }
}
