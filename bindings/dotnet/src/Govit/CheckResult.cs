using System;
using System.Collections.Generic;
using Govit.Internal;

namespace Govit
{
    /// <summary>
    /// The result of <see cref="GovitEngine.CheckTyped"/>:
    /// <c>{"project_id","state","in_scope","findings","deadlines","allowed_events","next_steps"?}</c>.
    /// </summary>
    public sealed class CheckResult
    {
        private CheckResult(string json)
        {
            Json = json;
            Internal.Json.Fields f = Internal.Json.ParseObject(json, "check");
            ProjectId = f.Str("project_id");
            State = f.Str("state");
            InScope = f.Bool("in_scope");
            Findings = f.Objects("findings", x => new Finding(x));
            Deadlines = f.Objects("deadlines", x => new Deadline(x));
            AllowedEvents = f.Strings("allowed_events");
            NextSteps = f.Objects("next_steps", x => new NextStep(x), optional: true);
        }

        /// <summary>Reads a check result document.</summary>
        /// <exception cref="FormatException">Not such a document.</exception>
        public static CheckResult Parse(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            return new CheckResult(json);
        }

        /// <summary>The record's <c>id</c>.</summary>
        public string ProjectId { get; }

        /// <summary>The lifecycle state (<see cref="StateInfo.State"/>).</summary>
        public string State { get; }

        /// <summary>False when the measures do not apply to the project (Art 2).</summary>
        public bool InScope { get; }

        /// <summary>The findings on the record as it stands, as of <c>as_of</c>.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>The upcoming deadlines.</summary>
        public IReadOnlyList<Deadline> Deadlines { get; }

        /// <summary>The events the transition table allows now (for the actor, if one was given).</summary>
        public IReadOnlyList<string> AllowedEvents { get; }

        /// <summary>
        /// The events the actor of <c>options.actor</c> may send now, with what blocks them;
        /// empty when the check was made without an actor.
        /// </summary>
        public IReadOnlyList<NextStep> NextSteps { get; }

        /// <summary>The whole result document, as the kernel returned it.</summary>
        public string Json { get; }
    }

    /// <summary>
    /// One of <see cref="CheckResult.NextSteps"/>: an event the actor may send now, as a button
    /// of the OA's screen.
    /// </summary>
    public sealed class NextStep
    {
        internal NextStep(Internal.Json.Fields f)
        {
            Event = f.Str("event");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
            To = f.Str("to");
            Data = f.Objects("data", x => new DataField(x));
            Documents = f.Strings("documents");
            BlockedBy = f.Strings("blocked_by");
            Ready = f.Bool("ready");
            Needs = f.Strings("needs");
        }

        /// <summary>The event type, e.g. <c>sign_contract</c>.</summary>
        public string Event { get; }

        /// <summary>The button's label in Chinese.</summary>
        public string Label { get; }

        /// <summary>The button's label in English.</summary>
        public string LabelEn { get; }

        /// <summary>The state it would lead to.</summary>
        public string To { get; }

        /// <summary>The <c>data</c> fields the event takes (the form behind the button).</summary>
        public IReadOnlyList<DataField> Data { get; }

        /// <summary>The document kinds it may carry (<see cref="DocumentInfo.Document"/>).</summary>
        public IReadOnlyList<string> Documents { get; }

        /// <summary>
        /// The rule ids that refuse it as the record stands, even with its documents attached and
        /// its form filled in: the record must change first.
        /// </summary>
        public IReadOnlyList<string> BlockedBy { get; }

        /// <summary>True when nothing in the record blocks it (<see cref="BlockedBy"/> is empty).</summary>
        public bool Ready { get; }

        /// <summary>
        /// The rule ids that refuse it sent empty and that its documents and form answer: what the
        /// sender must attach or fill in (their titles say what).
        /// </summary>
        public IReadOnlyList<string> Needs { get; }
    }
}
