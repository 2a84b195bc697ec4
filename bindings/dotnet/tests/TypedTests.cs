using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Govit.Internal;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>
    /// The typed results (Decision, Finding, Deadline, CheckResult, NextStep, Lifecycle) read the kernel's own
    /// documents over the scenario corpus: every member of every document has its property, with
    /// the same value, and nothing the kernel writes is left unread. Preview decides as Apply does.
    /// </summary>
    [TestFixture]
    public class TypedTests
    {
        private GovitEngine _engine;
        private Lifecycle _lifecycle;

        // Seen over the corpus, so that the tests below know the corpus exercised each kind of value.
        private readonly HashSet<string> _seen = new HashSet<string>();

        [TestFixtureSetUp]
        public void CreateEngine()
        {
            _engine = new GovitEngine();
            _lifecycle = _engine.Lifecycle();
        }

        [TestFixtureTearDown]
        public void DisposeEngine()
        {
            _engine.Dispose();
        }

        // ---- matchers: typed view == JSON view ----

        private static void OnlyKeys(object node, string where, params string[] known)
        {
            var o = node as Dictionary<string, object>;
            Assert.IsNotNull(o, where + " should be an object");
            string[] unread = o.Keys.Where(k => !known.Contains(k)).ToArray();
            Assert.IsEmpty(unread, where + ": members the typed view does not read: " + string.Join(", ", unread));
        }

        private static string OptStr(object node, string key)
        {
            return Json.Get(node, key) as string;
        }

        private static DateTime? OptDate(object node, string key)
        {
            string s = OptStr(node, key);
            return s == null ? (DateTime?)null : DateTime.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void AreSame(IReadOnlyList<string> typed, object json, string where)
        {
            CollectionAssert.AreEqual(Arr(json, where).Cast<string>().ToList(), typed.ToList(), where);
        }

        private void MatchFinding(Finding t, object j, string where)
        {
            OnlyKeys(j, where, "rule", "article", "severity", "citation", "message", "message_en", "remedy", "remedy_en", "due");
            Assert.AreEqual(Str(j, "rule"), t.Rule, where);
            object article = Json.Get(j, "article");
            Assert.AreEqual(article == null ? (int?)null : int.Parse(article.ToString()), t.Article, where + ".article");
            Assert.AreEqual(Str(j, "severity"), Finding.SeverityName(t.Severity), where + ".severity");
            Assert.AreEqual(OptStr(j, "citation"), t.Citation, where + ".citation");
            Assert.AreEqual(Str(j, "message"), t.Message, where + ".message");
            Assert.AreEqual(Str(j, "message_en"), t.MessageEn, where + ".message_en");
            Assert.AreEqual(OptStr(j, "remedy"), t.Remedy, where + ".remedy");
            Assert.AreEqual(OptStr(j, "remedy_en"), t.RemedyEn, where + ".remedy_en");
            Assert.AreEqual(OptDate(j, "due"), t.Due, where + ".due");
            if (t.Due != null)
            {
                Assert.AreEqual(DateTimeKind.Unspecified, t.Due.Value.Kind);
                Assert.AreEqual(TimeSpan.Zero, t.Due.Value.TimeOfDay);
                _seen.Add("due");
            }
            _seen.Add(article == null ? "no article" : "article");
            _seen.Add("severity " + Str(j, "severity"));
            if (t.Remedy != null) _seen.Add("remedy");
            if (t.Citation != null) _seen.Add("citation");
        }

        private void MatchFindings(IReadOnlyList<Finding> typed, object json, string where)
        {
            List<object> j = Arr(json, where);
            Assert.AreEqual(j.Count, typed.Count, where + " count");
            for (int i = 0; i < j.Count; i++) MatchFinding(typed[i], j[i], where + "[" + i + "]");
        }

        private void MatchDecision(Decision d, string json, bool preview, string where)
        {
            var j = Obj(json);
            OnlyKeys(j, where, "accepted", "state_before", "state_after", "findings", "project");
            Assert.AreEqual(json, d.Json, where + ": Json is the document");
            Assert.AreEqual(Bool(j, "accepted"), d.Accepted, where + ".accepted");
            Assert.AreEqual(Str(j, "state_before"), d.StateBefore, where + ".state_before");
            Assert.AreEqual(Str(j, "state_after"), d.StateAfter, where + ".state_after");
            MatchFindings(d.Findings, j["findings"], where + ".findings");
            if (preview)
            {
                Assert.IsFalse(j.ContainsKey("project"), where + ": a preview has no project");
                Assert.IsNull(d.ProjectJson, where + ".ProjectJson");
            }
            else
            {
                Assert.IsNotNull(d.ProjectJson, where + ".ProjectJson");
                Assert.AreEqual(Json.RawMember(json, "project"), d.ProjectJson, where + ".ProjectJson is the exact text");
                Assert.IsTrue(DeepEquals(j["project"], Json.Parse(d.ProjectJson)), where + ".project");
            }
            _seen.Add(d.Accepted ? "accepted" : "refused");
        }

        private void MatchDataField(DataField t, object j, string where)
        {
            OnlyKeys(j, where, "key", "type", "required", "label", "label_en", "values", "items", "min", "max");
            Assert.AreEqual(Str(j, "key"), t.Key, where + ".key");
            Assert.AreEqual(Str(j, "label"), t.Label, where + ".label");
            Assert.AreEqual(Str(j, "label_en"), t.LabelEn, where + ".label_en");
            Assert.AreEqual(Bool(j, "required"), t.Required, where + ".required");
            Assert.AreEqual(OptStr(j, "type"), t.Type == null ? null : t.Type.Value.ToString().ToLowerInvariant(), where + ".type");
            MatchValues(t, j, where);
        }

        private static long? OptLong(object node, string key)
        {
            object v = Json.Get(node, key);
            return v == null ? (long?)null : long.Parse(v.ToString());
        }

        private static void MatchValues(DataField t, object j, string where)
        {
            Assert.AreEqual(OptLong(j, "min"), t.Min, where + ".min");
            Assert.AreEqual(OptLong(j, "max"), t.Max, where + ".max");
            object values = Json.Get(j, "values");
            List<object> v = values == null ? new List<object>() : Arr(values, where + ".values");
            Assert.AreEqual(v.Count, t.Values.Count, where + ".values count");
            for (int i = 0; i < v.Count; i++)
            {
                OnlyKeys(v[i], where + ".values[" + i + "]", "value", "label", "label_en");
                Assert.AreEqual(Str(v[i], "value"), t.Values[i].Value);
                Assert.AreEqual(Str(v[i], "label"), t.Values[i].Label);
                Assert.AreEqual(Str(v[i], "label_en"), t.Values[i].LabelEn);
            }
            object items = Json.Get(j, "items");
            Assert.AreEqual(items == null, t.Items == null, where + ".items");
            if (items != null)
            {
                OnlyKeys(items, where + ".items", "type", "values", "items", "min", "max");
                Assert.AreEqual(Str(items, "type"), t.Items.Type.Value.ToString().ToLowerInvariant(), where + ".items.type");
                MatchValues(t.Items, items, where + ".items");
            }
        }

        private void MatchCheck(CheckResult c, string json, string where)
        {
            var j = Obj(json);
            OnlyKeys(j, where, "project_id", "state", "in_scope", "findings", "deadlines", "allowed_events", "next_steps");
            Assert.AreEqual(json, c.Json, where + ": Json is the document");
            Assert.AreEqual(Str(j, "project_id"), c.ProjectId, where + ".project_id");
            Assert.AreEqual(Str(j, "state"), c.State, where + ".state");
            Assert.AreEqual(Bool(j, "in_scope"), c.InScope, where + ".in_scope");
            MatchFindings(c.Findings, j["findings"], where + ".findings");
            List<object> deadlines = Arr(j["deadlines"], where + ".deadlines");
            Assert.AreEqual(deadlines.Count, c.Deadlines.Count, where + ".deadlines count");
            for (int i = 0; i < deadlines.Count; i++)
            {
                string w = where + ".deadlines[" + i + "]";
                OnlyKeys(deadlines[i], w, "rule", "event", "due");
                Assert.AreEqual(Str(deadlines[i], "rule"), c.Deadlines[i].Rule, w);
                Assert.AreEqual(Str(deadlines[i], "event"), c.Deadlines[i].Event, w);
                Assert.AreEqual(OptDate(deadlines[i], "due"), c.Deadlines[i].Due, w);
                _seen.Add("deadline");
            }
            AreSame(c.AllowedEvents, j["allowed_events"], where + ".allowed_events");
            Assert.IsNotNull(c.NextSteps, where + ".NextSteps is never null");
            object steps = j.ContainsKey("next_steps") ? j["next_steps"] : null;
            List<object> s = steps == null ? new List<object>() : Arr(steps, where + ".next_steps");
            Assert.AreEqual(s.Count, c.NextSteps.Count, where + ".next_steps count");
            for (int i = 0; i < s.Count; i++)
            {
                string w = where + ".next_steps[" + i + "]";
                NextStep t = c.NextSteps[i];
                OnlyKeys(s[i], w, "event", "label", "label_en", "to", "data", "documents", "blocked_by", "ready", "needs");
                Assert.AreEqual(Str(s[i], "event"), t.Event, w + ".event");
                Assert.AreEqual(Str(s[i], "label"), t.Label, w + ".label");
                Assert.AreEqual(Str(s[i], "label_en"), t.LabelEn, w + ".label_en");
                Assert.AreEqual(Str(s[i], "to"), t.To, w + ".to");
                AreSame(t.Documents, Json.Get(s[i], "documents"), w + ".documents");
                AreSame(t.BlockedBy, Json.Get(s[i], "blocked_by"), w + ".blocked_by");
                AreSame(t.Needs, Json.Get(s[i], "needs"), w + ".needs");
                Assert.AreEqual(Bool(s[i], "ready"), t.Ready, w + ".ready");
                List<object> data = Arr(Json.Get(s[i], "data"), w + ".data");
                Assert.AreEqual(data.Count, t.Data.Count, w + ".data count");
                for (int k = 0; k < data.Count; k++) MatchDataField(t.Data[k], data[k], w + ".data[" + k + "]");
                _seen.Add(t.Ready ? "ready step" : "blocked step");

                // The step is an event of the lifecycle, sendable from this state, leading to a known state.
                EventInfo e = _lifecycle.FindEvent(t.Event);
                Assert.IsNotNull(e, w + ": " + t.Event + " is not in the lifecycle");
                CollectionAssert.Contains(e.From.ToList(), c.State, w + ": " + t.Event + " from " + c.State);
                Assert.IsNotNull(_lifecycle.FindState(t.To), w + ".to " + t.To);
                Assert.AreEqual(t.BlockedBy.Count == 0, t.Ready, w + ": ready is blocked_by empty");
                CollectionAssert.Contains(c.AllowedEvents.ToList(), t.Event, w + ": a next step is an allowed event");
                foreach (string d in t.Documents) Assert.IsNotNull(_lifecycle.FindDocument(d), w + ": document " + d);
                foreach (DataField field in t.Data)
                    Assert.IsTrue(e.Data.Any(x => x.Key == field.Key), w + ": data " + field.Key + " is declared by the lifecycle");
            }
            Assert.IsNotNull(_lifecycle.FindState(c.State), where + ": state " + c.State);
        }

        // ---- one apply/preview/check round on the corpus ----

        private Decision Round(string project, string evt, string date, string actor, string where)
        {
            string options = Options(date, actor);
            string applied = _engine.Apply(project, evt);
            string previewed = _engine.PreviewJson(project, evt);
            Decision d = Decision.Parse(applied);
            MatchDecision(d, applied, false, where + " apply");
            MatchDecision(Decision.Parse(previewed), previewed, true, where + " preview");
            MatchDecision(_engine.ApplyTyped(project, evt), applied, false, where + " ApplyTyped");
            MatchDecision(_engine.Preview(project, evt), previewed, true, where + " Preview");

            // Preview decides exactly as Apply: the same members, findings byte for byte.
            var a = Obj(applied);
            var p = Obj(previewed);
            foreach (string key in new[] { "accepted", "state_before", "state_after", "findings" })
            {
                Assert.AreEqual(Json.RawMember(applied, key), Json.RawMember(previewed, key), where + ": preview's " + key);
            }
            Assert.AreEqual(a.Count - 1, p.Count, where + ": preview has apply's members but project");

            string checkedJson = _engine.Check(project, options);
            CheckResult c = CheckResult.Parse(checkedJson);
            MatchCheck(c, checkedJson, where + " check " + options);
            StepsAgreeWithPreview(project, c, date, actor, where);
            Assert.IsNotNull(Json.RawMember(checkedJson, "next_steps"), where + ": a check with an actor has next_steps");
            string plain = _engine.Check(project);
            Assert.IsNull(Json.RawMember(plain, "next_steps"), where + ": a check without actor has no next_steps");
            MatchCheck(_engine.CheckTyped(project), plain, where + " check");
            return d;
        }

        // A next step with no required data, sent with no data, is refused by exactly its
        // blocked_by and its needs (what the record refuses, and what its form would answer).
        private void StepsAgreeWithPreview(string project, CheckResult c, string date, string actor, string where)
        {
            foreach (NextStep s in c.NextSteps.Where(s => !s.Data.Any(f => f.Required)))
            {
                string evt = "{\"type\":" + Json.Quote(s.Event) + ",\"date\":" + Json.Quote(date) + ",\"actor\":" + actor + ",\"data\":{}}";
                Decision p = _engine.Preview(project, evt);
                string w = where + " next step " + s.Event;
                bool answered = s.Ready && s.Needs.Count == 0;
                Assert.AreEqual(answered, p.Accepted, w + ": ready and needing nothing, so previewed as accepted: " + Trim(p.Json, 800));
                CollectionAssert.AreEquivalent(s.BlockedBy.Concat(s.Needs).ToList(),
                    p.Findings.Where(f => f.Severity == Severity.Block).Select(f => f.Rule).Distinct().ToList(),
                    w + ": blocked_by and needs are the blocking findings of an empty preview");
                if (!answered) Assert.AreEqual(c.State, p.StateAfter, w);
                else Assert.AreEqual(s.To, p.StateAfter, w + ": to is where it leads");
                _seen.Add("step previewed");
            }
        }

        private static string Options(string date, string actor)
        {
            return "{\"as_of\":" + Json.Quote(date) + ",\"actor\":" + actor + "}";
        }

        [Test]
        public void ReplaysOfTheRecordedHistories()
        {
            int steps = 0;
            foreach (Corpus.Replay r in Corpus.Replays())
            {
                string record = r.Draft;
                foreach (Corpus.Step s in r.Steps)
                {
                    Decision d = Round(record, s.Event, s.Date, s.Actor, s.Name);
                    Assert.IsTrue(d.Accepted, s.Name + " was recorded, so accepted: " + Trim(d.Json, 1500));
                    record = d.ProjectJson;
                    steps++;
                }
                // The record as it ends, for every role of the replay.
                string last = r.Steps[r.Steps.Count - 1].Date;
                foreach (string actor in r.Steps.Select(s => s.Actor).Distinct())
                {
                    string json = _engine.Check(record, Options(last, actor));
                    MatchCheck(_engine.CheckTyped(record, Options(last, actor)), json, r.Name + " end " + actor);
                }
            }
            Assert.GreaterOrEqual(steps, 50, "events replayed");
        }

        [Test]
        public void SampleEventsOnEveryDraft()
        {
            int rounds = 0;
            foreach (KeyValuePair<string, string> draft in Corpus.Drafts())
            {
                foreach (KeyValuePair<string, string> evt in Corpus.Events())
                {
                    object e = Json.Parse(evt.Value);
                    Round(draft.Value, evt.Value, Str(e, "date"), Write(Json.Get(e, "actor")), draft.Key + " + " + evt.Key);
                    rounds++;
                }
            }
            Assert.GreaterOrEqual(rounds, 8);
        }

        [Test]
        public void TheCommittedGoldenFiles()
        {
            int files = 0;
            foreach (string f in Corpus.Files("tests/golden"))
            {
                string name = Path.GetFileName(f);
                string json = File.ReadAllText(f).TrimEnd('\n');
                if (name.EndsWith(".check.json", StringComparison.Ordinal))
                {
                    MatchCheck(CheckResult.Parse(json), json, name);
                    files++;
                }
                else if (name.Contains(".apply-"))
                {
                    MatchDecision(Decision.Parse(json), json, false, name);
                    files++;
                }
            }
            Assert.GreaterOrEqual(files, 8);
        }

        [Test]
        public void TheCorpusExercisesEveryKindOfValue()
        {
            ReplaysOfTheRecordedHistories();
            SampleEventsOnEveryDraft();
            TheCommittedGoldenFiles();
            foreach (string kind in new[] { "accepted", "refused", "due", "article", "no article", "remedy", "citation",
                                            "severity block", "severity violation", "severity warning", "severity info", "deadline",
                                            "ready step", "blocked step", "step previewed" })
            {
                Assert.IsTrue(_seen.Contains(kind), "the corpus has no " + kind + "; seen: " + string.Join(", ", _seen));
            }
        }

        [Test]
        public void TheLifecycleReadsAsItsJson()
        {
            string json = _engine.LifecycleJson();
            Lifecycle l = Lifecycle.Parse(json);
            var j = Obj(json);
            OnlyKeys(j, "lifecycle", "states", "roles", "documents", "events", "rules_for_every_event");
            Assert.AreEqual(json, l.Json);
            Assert.AreEqual(json, _engine.Lifecycle().Json);

            List<object> states = Arr(j["states"], "states");
            Assert.AreEqual(states.Count, l.States.Count);
            for (int i = 0; i < states.Count; i++)
            {
                OnlyKeys(states[i], "states[" + i + "]", "state", "label", "label_en", "terminal");
                Assert.AreEqual(Str(states[i], "state"), l.States[i].State);
                Assert.AreEqual(Str(states[i], "label"), l.States[i].Label);
                Assert.AreEqual(Str(states[i], "label_en"), l.States[i].LabelEn);
                Assert.AreEqual(Bool(states[i], "terminal"), l.States[i].Terminal);
                Assert.AreSame(l.States[i], l.FindState(l.States[i].State));
            }
            List<object> roles = Arr(j["roles"], "roles");
            Assert.AreEqual(roles.Count, l.Roles.Count);
            for (int i = 0; i < roles.Count; i++)
            {
                OnlyKeys(roles[i], "roles[" + i + "]", "role", "label", "label_en");
                Assert.AreEqual(Str(roles[i], "role"), l.Roles[i].Role);
                Assert.AreEqual(Str(roles[i], "label"), l.Roles[i].Label);
                Assert.AreEqual(Str(roles[i], "label_en"), l.Roles[i].LabelEn);
                Assert.AreSame(l.Roles[i], l.FindRole(l.Roles[i].Role));
            }
            List<object> documents = Arr(j["documents"], "documents");
            Assert.AreEqual(documents.Count, l.Documents.Count);
            for (int i = 0; i < documents.Count; i++)
            {
                OnlyKeys(documents[i], "documents[" + i + "]", "document", "label", "label_en");
                Assert.AreEqual(Str(documents[i], "document"), l.Documents[i].Document);
                Assert.AreEqual(Str(documents[i], "label"), l.Documents[i].Label);
                Assert.AreEqual(Str(documents[i], "label_en"), l.Documents[i].LabelEn);
                Assert.AreSame(l.Documents[i], l.FindDocument(l.Documents[i].Document));
            }
            List<object> events = Arr(j["events"], "events");
            Assert.AreEqual(events.Count, l.Events.Count);
            var types = new HashSet<FieldType>();
            for (int i = 0; i < events.Count; i++)
            {
                string w = "events[" + i + "]";
                EventInfo e = l.Events[i];
                OnlyKeys(events[i], w, "event", "label", "label_en", "roles", "from", "from_any_non_terminal", "to", "to_note",
                         "data", "documents", "rules");
                Assert.AreEqual(Str(events[i], "event"), e.Event, w);
                Assert.AreEqual(Str(events[i], "label"), e.Label, w);
                Assert.AreEqual(Str(events[i], "label_en"), e.LabelEn, w);
                AreSame(e.Roles, Json.Get(events[i], "roles"), w + ".roles");
                AreSame(e.From, Json.Get(events[i], "from"), w + ".from");
                Assert.AreEqual(Bool(events[i], "from_any_non_terminal"), e.FromAnyNonTerminal, w);
                Assert.AreEqual(OptStr(events[i], "to"), e.To, w + ".to");
                Assert.AreEqual(OptStr(events[i], "to_note"), e.ToNote, w + ".to_note");
                AreSame(e.Documents, Json.Get(events[i], "documents"), w + ".documents");
                AreSame(e.Rules, Json.Get(events[i], "rules"), w + ".rules");
                List<object> data = Arr(Json.Get(events[i], "data"), w + ".data");
                Assert.AreEqual(data.Count, e.Data.Count, w + ".data count");
                for (int k = 0; k < data.Count; k++)
                {
                    MatchDataField(e.Data[k], data[k], w + ".data[" + k + "]");
                    Assert.IsNotNull(e.Data[k].Type, w + ".data[" + k + "].type: the lifecycle always says");
                    types.Add(e.Data[k].Type.Value);
                }
                Assert.AreSame(e, l.FindEvent(e.Event));
                // Every name it uses is one it declares.
                foreach (string r in e.Roles) Assert.IsNotNull(l.FindRole(r), w + ": role " + r);
                foreach (string s in e.From) Assert.IsNotNull(l.FindState(s), w + ": state " + s);
                if (e.To != null) Assert.IsNotNull(l.FindState(e.To), w + ": state " + e.To);
                else Assert.IsNotNull(e.ToNote, w + ": no to, so a to_note");
                foreach (string d in e.Documents) Assert.IsNotNull(l.FindDocument(d), w + ": document " + d);
            }
            AreSame(l.RulesForEveryEvent, j["rules_for_every_event"], "rules_for_every_event");
            Assert.IsNull(l.FindEvent("no_such_event"));
            // The corpus of declarations covers the field types a form needs.
            foreach (FieldType t in new[] { FieldType.Text, FieldType.Boolean, FieldType.Integer, FieldType.Date, FieldType.Code, FieldType.List })
                Assert.IsTrue(types.Contains(t), "no data field of type " + t);
            EventInfo demand = l.FindEvent("submit_demand");
            Assert.IsNotNull(demand);
            CollectionAssert.Contains(demand.Roles.ToList(), "construction_unit");
            CollectionAssert.Contains(demand.From.ToList(), "draft");
            Assert.AreEqual("demand_review", demand.To);
        }

        // ---- the reader's own behaviour ----

        [Test]
        public void ACheckWithoutActorHasNoNextSteps()
        {
            CheckResult c = _engine.CheckTyped(Project());
            Assert.AreEqual("draft", c.State);
            Assert.AreEqual("QF-2025-001", c.ProjectId);
            Assert.IsTrue(c.InScope);
            Assert.IsNotNull(c.NextSteps);
            Assert.AreEqual(0, c.NextSteps.Count);
            CollectionAssert.Contains(c.AllowedEvents.ToList(), "submit_demand");
        }

        [Test]
        public void ARefusedEventKeepsTheRecord()
        {
            string project = Project();
            Decision d = _engine.ApplyTyped(project, Event("start_procurement", "2025-03-10", data: "{\"method\":\"public_tender\"}"));
            Assert.IsFalse(d.Accepted);
            Assert.AreEqual("draft", d.StateBefore);
            Assert.AreEqual("draft", d.StateAfter);
            Assert.IsTrue(d.Findings.Any(f => f.Severity == Severity.Block), "a blocking finding");
            Assert.IsTrue(DeepEquals(Json.Parse(project), Json.Parse(d.ProjectJson)), "the unchanged record");
            Decision p = _engine.Preview(project, Event("start_procurement", "2025-03-10", data: "{\"method\":\"public_tender\"}"));
            Assert.IsFalse(p.Accepted);
            Assert.IsNull(p.ProjectJson);
            CollectionAssert.AreEqual(d.Findings.Select(f => f.ToString()).ToList(), p.Findings.Select(f => f.ToString()).ToList());
        }

        [Test]
        public void PreviewDoesNotHashOrStore()
        {
            string project = Project();
            string previewed = _engine.PreviewJson(project, SubmitDemand());
            StringAssert.DoesNotContain("\"hash\"", previewed);
            StringAssert.DoesNotContain("\"project\"", previewed);
            Assert.AreEqual("demand_review", _engine.Preview(project, SubmitDemand()).StateAfter);
        }

        [Test]
        public void PreviewArgumentsAndErrors()
        {
            Assert.AreEqual("projectJson", Assert.Throws<ArgumentNullException>(() => _engine.PreviewJson(null, SubmitDemand())).ParamName);
            Assert.AreEqual("eventJson", Assert.Throws<ArgumentNullException>(() => _engine.Preview(Project(), null)).ParamName);
            var e = Assert.Throws<GovitException>(() => _engine.Preview("{", SubmitDemand()));
            Assert.AreEqual(GovitStatus.InvalidJson, e.Status);
            var engine = new GovitEngine();
            engine.Dispose();
            Assert.Throws<ObjectDisposedException>(() => engine.Preview(Project(), SubmitDemand()));
            Assert.Throws<ObjectDisposedException>(() => engine.CheckTyped(Project()));
        }

        [Test]
        public void ADocumentOfAnotherShapeNamesThePath()
        {
            var e = Assert.Throws<FormatException>(() =>
                Decision.Parse("{\"accepted\":\"yes\",\"state_before\":\"draft\",\"state_after\":\"draft\",\"findings\":[]}"));
            StringAssert.Contains("decision.accepted", e.Message);
            e = Assert.Throws<FormatException>(() => CheckResult.Parse(
                "{\"project_id\":\"P\",\"state\":\"draft\",\"in_scope\":true,\"deadlines\":[],\"allowed_events\":[]," +
                "\"findings\":[{\"rule\":\"r\",\"severity\":\"fatal\",\"message\":\"m\",\"message_en\":\"m\"}]}"));
            StringAssert.Contains("check.findings[0].severity", e.Message);
            e = Assert.Throws<FormatException>(() => CheckResult.Parse(
                "{\"project_id\":\"P\",\"state\":\"draft\",\"in_scope\":true,\"findings\":[],\"allowed_events\":[]," +
                "\"deadlines\":[{\"rule\":\"r\",\"event\":\"e\",\"due\":\"2025-02-30\"}]}"));
            StringAssert.Contains("check.deadlines[0].due", e.Message);
            e = Assert.Throws<FormatException>(() => CheckResult.Parse("{\"project_id\":\"P\"}"));
            StringAssert.Contains("check.state is missing", e.Message);
            Assert.Throws<FormatException>(() => Decision.Parse("[]"));
            Assert.Throws<ArgumentNullException>(() => Decision.Parse(null));
        }

        [Test]
        public void FindingValues()
        {
            // Art 28: signed on the 12th working day after the award; the 10th was the limit.
            Decision d = Decision.Parse(
                "{\"accepted\":true,\"state_before\":\"awarded\",\"state_after\":\"contracted\",\"findings\":[" +
                "{\"rule\":\"art28.contract_signing_late\",\"article\":28,\"severity\":\"violation\"," +
                "\"citation\":\"《曲阜市政务信息化项目建设管理办法》第二十八条\",\"message\":\"逾期\",\"message_en\":\"late\"," +
                "\"due\":\"2025-10-16\"},{\"rule\":\"lifecycle.x\",\"article\":null,\"severity\":\"info\",\"message\":\"m\",\"message_en\":\"m\"}]," +
                "\"project\":{\"id\":\"P\"}}");
            Finding f = d.Findings[0];
            Assert.AreEqual(28, f.Article);
            Assert.AreEqual(Severity.Violation, f.Severity);
            Assert.AreEqual(new DateTime(2025, 10, 16), f.Due);
            Assert.AreEqual("violation art28.contract_signing_late (due 2025-10-16): 逾期", f.ToString());
            Assert.IsNull(d.Findings[1].Article);
            Assert.IsNull(d.Findings[1].Due);
            Assert.IsNull(d.Findings[1].Citation);
            Assert.AreEqual("{\"id\":\"P\"}", d.ProjectJson);
        }
    }
}
