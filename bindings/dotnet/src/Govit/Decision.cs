using System;
using System.Collections.Generic;
using Govit.Internal;

namespace Govit
{
    /// <summary>
    /// What govit decided about one event: the result of <see cref="GovitEngine.ApplyTyped"/>
    /// (<c>{"accepted","state_before","state_after","findings","project"}</c>) or of
    /// <see cref="GovitEngine.Preview"/> (the same without <c>project</c>).
    /// </summary>
    public sealed class Decision
    {
        private Decision(string json)
        {
            Json = json;
            Internal.Json.Fields f = Internal.Json.ParseObject(json, "decision");
            Accepted = f.Bool("accepted");
            StateBefore = f.Str("state_before");
            StateAfter = f.Str("state_after");
            Findings = f.Objects("findings", x => new Finding(x));
            ProjectJson = f.Has("project") ? Internal.Json.RawMember(json, "project") : null;
        }

        /// <summary>Reads an apply or preview result document.</summary>
        /// <exception cref="FormatException">Not such a document.</exception>
        public static Decision Parse(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            return new Decision(json);
        }

        /// <summary>False when a <see cref="Severity.Block"/> finding refused the event.</summary>
        public bool Accepted { get; }

        /// <summary>The state before the event.</summary>
        public string StateBefore { get; }

        /// <summary>The state after it (the same as <see cref="StateBefore"/> when refused).</summary>
        public string StateAfter { get; }

        /// <summary>The findings, in the kernel's order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>
        /// The record to store (apply): the exact text of the result's <c>project</c>, which is
        /// the unchanged record when the event was refused. Null for a preview.
        /// </summary>
        public string ProjectJson { get; }

        /// <summary>The whole result document, as the kernel returned it.</summary>
        public string Json { get; }
    }
}
