using System;
using System.Collections.Generic;
using Govit.Internal;

namespace Govit
{
    /// <summary>
    /// The lifecycle as data (<see cref="GovitEngine.Lifecycle"/>, <c>govit_lifecycle</c>): the
    /// states, roles and documents with their labels, and every event with who may send it,
    /// from which states, where it leads, its <c>data</c> fields, the documents it may carry
    /// and the rules that judge it. Everything an OA needs to draw its workflow, buttons and forms.
    /// </summary>
    public sealed class Lifecycle
    {
        private readonly Dictionary<string, StateInfo> _states = new Dictionary<string, StateInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, RoleInfo> _roles = new Dictionary<string, RoleInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, DocumentInfo> _documents = new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, EventInfo> _events = new Dictionary<string, EventInfo>(StringComparer.Ordinal);

        private Lifecycle(string json)
        {
            Json = json;
            Internal.Json.Fields f = Internal.Json.ParseObject(json, "lifecycle");
            States = f.Objects("states", x => new StateInfo(x));
            Roles = f.Objects("roles", x => new RoleInfo(x));
            Documents = f.Objects("documents", x => new DocumentInfo(x));
            Events = f.Objects("events", x => new EventInfo(x));
            RulesForEveryEvent = f.Strings("rules_for_every_event");
            foreach (StateInfo s in States) Index(_states, s.State, s, "state");
            foreach (RoleInfo r in Roles) Index(_roles, r.Role, r, "role");
            foreach (DocumentInfo d in Documents) Index(_documents, d.Document, d, "document");
            foreach (EventInfo e in Events) Index(_events, e.Event, e, "event");
        }

        /// <summary>Reads a lifecycle document.</summary>
        /// <exception cref="FormatException">Not such a document.</exception>
        public static Lifecycle Parse(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            return new Lifecycle(json);
        }

        /// <summary>The states, in lifecycle order.</summary>
        public IReadOnlyList<StateInfo> States { get; }

        /// <summary>The roles that send events.</summary>
        public IReadOnlyList<RoleInfo> Roles { get; }

        /// <summary>The document kinds.</summary>
        public IReadOnlyList<DocumentInfo> Documents { get; }

        /// <summary>Every event type.</summary>
        public IReadOnlyList<EventInfo> Events { get; }

        /// <summary>Rules that judge every event, besides each event's own <see cref="EventInfo.Rules"/>.</summary>
        public IReadOnlyList<string> RulesForEveryEvent { get; }

        /// <summary>The whole document, as the kernel returned it.</summary>
        public string Json { get; }

        /// <summary>The state named <paramref name="state"/>, or null.</summary>
        public StateInfo FindState(string state) { return Find(_states, state); }

        /// <summary>The role named <paramref name="role"/>, or null.</summary>
        public RoleInfo FindRole(string role) { return Find(_roles, role); }

        /// <summary>The document kind named <paramref name="document"/>, or null.</summary>
        public DocumentInfo FindDocument(string document) { return Find(_documents, document); }

        /// <summary>The event type named <paramref name="eventType"/>, or null.</summary>
        public EventInfo FindEvent(string eventType) { return Find(_events, eventType); }

        private static T Find<T>(Dictionary<string, T> index, string name) where T : class
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            T v;
            return index.TryGetValue(name, out v) ? v : null;
        }

        private static void Index<T>(Dictionary<string, T> index, string name, T value, string what)
        {
            if (index.ContainsKey(name)) throw new FormatException("govit: lifecycle lists the " + what + " " + name + " twice");
            index.Add(name, value);
        }
    }

    /// <summary>A lifecycle state: <c>{"state","label","label_en","terminal"}</c>.</summary>
    public sealed class StateInfo
    {
        internal StateInfo(Json.Fields f)
        {
            State = f.Str("state");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
            Terminal = f.Bool("terminal");
        }

        /// <summary>The state's name, e.g. <c>demand_review</c>.</summary>
        public string State { get; }

        /// <summary>Its label in Chinese.</summary>
        public string Label { get; }

        /// <summary>Its label in English.</summary>
        public string LabelEn { get; }

        /// <summary>True when no event leads out of it.</summary>
        public bool Terminal { get; }
    }

    /// <summary>A role: <c>{"role","label","label_en"}</c>.</summary>
    public sealed class RoleInfo
    {
        internal RoleInfo(Json.Fields f)
        {
            Role = f.Str("role");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
        }

        /// <summary>The role's name, e.g. <c>construction_unit</c> (the event's <c>actor.role</c>).</summary>
        public string Role { get; }

        /// <summary>Its label in Chinese.</summary>
        public string Label { get; }

        /// <summary>Its label in English.</summary>
        public string LabelEn { get; }
    }

    /// <summary>A document kind: <c>{"document","label","label_en"}</c>.</summary>
    public sealed class DocumentInfo
    {
        internal DocumentInfo(Json.Fields f)
        {
            Document = f.Str("document");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
        }

        /// <summary>The kind's name, e.g. <c>party_committee_decision</c> (as in <c>data.documents</c>).</summary>
        public string Document { get; }

        /// <summary>Its label in Chinese.</summary>
        public string Label { get; }

        /// <summary>Its label in English.</summary>
        public string LabelEn { get; }
    }

    /// <summary>
    /// An event type: <c>{"event","label","label_en","roles","from","from_any_non_terminal","to","to_note","data","documents","rules"}</c>.
    /// </summary>
    public sealed class EventInfo
    {
        internal EventInfo(Json.Fields f)
        {
            Event = f.Str("event");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
            Roles = f.Strings("roles");
            From = f.Strings("from");
            FromAnyNonTerminal = f.Bool("from_any_non_terminal");
            To = f.OptStr("to");
            ToNote = f.OptStr("to_note");
            Data = f.Objects("data", x => new DataField(x));
            Documents = f.Strings("documents");
            Rules = f.Strings("rules");
        }

        /// <summary>The event type, e.g. <c>submit_demand</c> (the event's <c>type</c>).</summary>
        public string Event { get; }

        /// <summary>Its label in Chinese.</summary>
        public string Label { get; }

        /// <summary>Its label in English.</summary>
        public string LabelEn { get; }

        /// <summary>The roles that may send it.</summary>
        public IReadOnlyList<string> Roles { get; }

        /// <summary>The states it may be sent from.</summary>
        public IReadOnlyList<string> From { get; }

        /// <summary>True for the events that every non-terminal state allows (supervision,
        /// sanctions, suspension…); <see cref="From"/> then lists those states.</summary>
        public bool FromAnyNonTerminal { get; }

        /// <summary>The state it leads to, or null when that depends on the record (see <see cref="ToNote"/>).</summary>
        public string To { get; }

        /// <summary>
        /// Null when <see cref="To"/> is the target; otherwise <c>unchanged</c>,
        /// <c>before_suspension</c>, <c>before_change</c>, <c>demand_approved_or_draft</c>…
        /// </summary>
        public string ToNote { get; }

        /// <summary>The fields of its <c>data</c>.</summary>
        public IReadOnlyList<DataField> Data { get; }

        /// <summary>The document kinds it may carry.</summary>
        public IReadOnlyList<string> Documents { get; }

        /// <summary>The rules that judge it (besides <see cref="Lifecycle.RulesForEveryEvent"/>).</summary>
        public IReadOnlyList<string> Rules { get; }
    }

    /// <summary>The type of a <see cref="DataField"/>.</summary>
    public enum FieldType
    {
        /// <summary><c>text</c>: a string.</summary>
        Text,

        /// <summary><c>boolean</c>.</summary>
        Boolean,

        /// <summary><c>integer</c>.</summary>
        Integer,

        /// <summary><c>money</c>: yuan as a decimal string, e.g. <c>"3000000.00"</c>.</summary>
        Money,

        /// <summary><c>date</c>: <c>YYYY-MM-DD</c>.</summary>
        Date,

        /// <summary><c>code</c>: one of <see cref="DataField.Values"/>.</summary>
        Code,

        /// <summary><c>list</c>: an array of <see cref="DataField.Items"/>.</summary>
        List,

        /// <summary><c>object</c>.</summary>
        Object,

        /// <summary><c>any</c>: any JSON value.</summary>
        Any,
    }

    /// <summary>
    /// A field of an event's <c>data</c>: <c>{"key","type","required","label","label_en","values"?,"items"?,"min"?,"max"?}</c>
    /// in <see cref="Lifecycle"/>; <c>{"key","label","label_en","required"}</c> in a <see cref="NextStep"/>.
    /// </summary>
    public sealed class DataField
    {
        internal DataField(Json.Fields f)
        {
            Key = f.Str("key");
            Required = f.Bool("required");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
            ReadType(f, out FieldType? type, out IReadOnlyList<CodeValue> values, out DataField items);
            Type = type;
            Values = values;
            Items = items;
            Min = f.OptLong("min");
            Max = f.OptLong("max");
        }

        // The type of a list's items: {"type", "values"?, "items"?, "min"?, "max"?}.
        private DataField(Json.Fields f, bool item)
        {
            ReadType(f, out FieldType? type, out IReadOnlyList<CodeValue> values, out DataField items);
            if (type == null) throw new FormatException("govit: " + f.Path + ".type is missing");
            Type = type;
            Values = values;
            Items = items;
            Min = f.OptLong("min");
            Max = f.OptLong("max");
        }

        /// <summary>The key in <c>data</c>, e.g. <c>method</c>; null for <see cref="Items"/>.</summary>
        public string Key { get; }

        /// <summary>The type; null in a <see cref="NextStep"/> when the kernel does not repeat it there
        /// (<see cref="Lifecycle.FindEvent"/> has it).</summary>
        public FieldType? Type { get; }

        /// <summary>True when the event is refused or judged incomplete without it.</summary>
        public bool Required { get; }

        /// <summary>Its label in Chinese; null for <see cref="Items"/>.</summary>
        public string Label { get; }

        /// <summary>Its label in English; null for <see cref="Items"/>.</summary>
        public string LabelEn { get; }

        /// <summary>The allowed values of a <see cref="FieldType.Code"/>; empty otherwise.</summary>
        public IReadOnlyList<CodeValue> Values { get; }

        /// <summary>The type of a <see cref="FieldType.List"/>'s items; null otherwise.</summary>
        public DataField Items { get; }

        /// <summary>The least value of an <see cref="FieldType.Integer"/>, when it has a bound.</summary>
        public long? Min { get; }

        /// <summary>The greatest value of an <see cref="FieldType.Integer"/>, when it has a bound.</summary>
        public long? Max { get; }

        private static void ReadType(Json.Fields f, out FieldType? type, out IReadOnlyList<CodeValue> values,
                                     out DataField items)
        {
            string t = f.OptStr("type");
            type = t == null ? (FieldType?)null : ParseType(t, f.Path);
            values = f.Objects("values", x => new CodeValue(x), optional: true);
            items = f.Object("items", x => new DataField(x, true), optional: true);
        }

        private static FieldType ParseType(string t, string path)
        {
            switch (t)
            {
                case "text": return FieldType.Text;
                case "boolean": return FieldType.Boolean;
                case "integer": return FieldType.Integer;
                case "money": return FieldType.Money;
                case "date": return FieldType.Date;
                case "code": return FieldType.Code;
                case "list": return FieldType.List;
                case "object": return FieldType.Object;
                case "any": return FieldType.Any;
                default: throw new FormatException("govit: " + path + ".type is not a field type: " + t);
            }
        }
    }

    /// <summary>One allowed value of a <see cref="FieldType.Code"/> field: <c>{"value","label","label_en"}</c>.</summary>
    public sealed class CodeValue
    {
        internal CodeValue(Json.Fields f)
        {
            Value = f.Str("value");
            Label = f.Str("label");
            LabelEn = f.Str("label_en");
        }

        /// <summary>The value as sent, e.g. <c>public_tender</c>.</summary>
        public string Value { get; }

        /// <summary>Its label in Chinese.</summary>
        public string Label { get; }

        /// <summary>Its label in English.</summary>
        public string LabelEn { get; }
    }
}
