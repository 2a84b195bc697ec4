using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Govit.Internal;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>Every public method, on well-formed input.</summary>
    [TestFixture]
    public class ApiTests
    {
        private GovitEngine _engine;

        [TestFixtureSetUp]
        public void CreateEngine()
        {
            _engine = new GovitEngine();
        }

        [TestFixtureTearDown]
        public void DisposeEngine()
        {
            _engine.Dispose();
        }

        [Test]
        public void VersionIsTheCrateVersion()
        {
            string v = GovitEngine.Version;
            Assert.IsNotNull(v);
            Assert.IsTrue(Regex.IsMatch(v, @"^\d+\.\d+\.\d+"), "version: " + v);
            Assert.AreSame(v, GovitEngine.Version, "the static string is decoded once");
        }

        [Test]
        public void AbiVersionIsOne()
        {
            Assert.AreEqual(1, GovitEngine.AbiVersion);
            Assert.AreEqual(GovitEngine.SupportedAbiVersion, GovitEngine.AbiVersion);
        }

        [Test]
        public void ConstructorWithConfig()
        {
            using (var e = new GovitEngine("{\"profile\":\"qufu-2024\",\"locale\":\"en\",\"max_input_bytes\":1048576}"))
            {
                var doc = Obj(e.DayInfo("2025-03-04"));
                Assert.AreEqual("2025-03-04", Str(doc, "date"));
            }
            using (var e = new GovitEngine(null))
            {
                Assert.AreEqual("draft", Str(Obj(e.Check(Project())), "state"));
            }
        }

        [Test]
        public void CheckDraftProject()
        {
            var doc = Obj(_engine.Check(Project()));
            Assert.AreEqual("QF-2025-001", Str(doc, "project_id"));
            Assert.AreEqual("draft", Str(doc, "state"));
            Assert.IsTrue(Bool(doc, "in_scope"));
            Arr(doc["findings"], "findings");
            Arr(doc["deadlines"], "deadlines");
            CollectionAssert.Contains(Strings(doc, "allowed_events").ToList(), "submit_demand");
        }

        [Test]
        public void CheckWithOptions()
        {
            string asOf = "{\"as_of\":\"2025-03-03\",\"actor\":{\"role\":\"construction_unit\",\"unit\":\"曲阜市文化和旅游局\"}}";
            var owner = Obj(_engine.Check(Project(), asOf));
            CollectionAssert.Contains(Strings(owner, "allowed_events").ToList(), "submit_demand");

            string finance = "{\"as_of\":\"2025-03-03\",\"actor\":{\"role\":\"finance\",\"unit\":\"曲阜市财政局\"}}";
            var other = Obj(_engine.Check(Project(), finance));
            CollectionAssert.DoesNotContain(Strings(other, "allowed_events").ToList(), "submit_demand");

            // An explicit null options argument is the same as none.
            Assert.AreEqual(_engine.Check(Project()), _engine.Check(Project(), null));
        }

        [Test]
        public void CheckOutOfScopeProject()
        {
            string unfunded = Project().Replace("\"funding\":[\"government_investment\"]", "\"funding\":[]");
            Assert.IsFalse(Bool(Obj(_engine.Check(unfunded)), "in_scope"));
        }

        [Test]
        public void ApplyAcceptedEvent()
        {
            string result = _engine.Apply(Project(), SubmitDemand());
            var doc = Obj(result);
            Assert.IsTrue(Bool(doc, "accepted"), Trim(result, 2000));
            Assert.AreEqual("draft", Str(doc, "state_before"));
            Assert.AreEqual("demand_review", Str(doc, "state_after"));
            Arr(doc["findings"], "findings");
            Assert.AreEqual("demand_review", Str(doc, "project", "state"));
            var history = Arr(Json.Get(doc, "project", "history"), "project.history");
            Assert.AreEqual(1, history.Count);
        }

        [Test]
        public void ApplyRefusedEventIsNotAnException()
        {
            string project = Project();
            string evt = Event("pass_final_acceptance", "2025-03-03", "big_data_center", "曲阜市政府办公室（市大数据中心）",
                               "{\"actual_cost_yuan\":\"2900000.00\"}");
            string result = _engine.Apply(project, evt);
            var doc = Obj(result);
            Assert.IsFalse(Bool(doc, "accepted"));
            Assert.AreEqual("draft", Str(doc, "state_before"));
            Assert.AreEqual("draft", Str(doc, "state_after"));
            List<string> findings = Findings(doc);
            Assert.IsTrue(findings.Any(f => f.EndsWith("/block")), string.Join(", ", findings));
            Assert.IsTrue(DeepEquals(Json.Parse(project), doc["project"]), "a refused event leaves the record as it was");
        }

        [Test]
        public void ApplyRefusesTheWrongUnit()
        {
            string evt = Event("submit_demand", "2025-03-03", unit: "曲阜市教育和体育局",
                               data: "{\"documents\":[\"party_committee_decision\"]}");
            var doc = Obj(_engine.Apply(Project(), evt));
            Assert.IsFalse(Bool(doc, "accepted"));
            CollectionAssert.Contains(Findings(doc), "auth.unit_mismatch/block");
        }

        [Test]
        public void VerifyFreshAndAppliedRecords()
        {
            Assert.IsTrue(Bool(Obj(_engine.Verify(Project())), "valid"));
            string applied = ApplyAccepted(_engine, Project(), SubmitDemand());
            var doc = Obj(_engine.Verify(applied));
            Assert.IsTrue(Bool(doc, "valid"), Trim(_engine.Verify(applied), 2000));
            Assert.AreEqual(0, Arr(doc["problems"], "problems").Count);
        }

        [Test]
        public void VerifyDetectsTampering()
        {
            string applied = ApplyAccepted(_engine, Project(), SubmitDemand());
            var record = Obj(applied);
            record["state"] = "operating"; // a state the history does not lead to
            var doc = Obj(_engine.Verify(Write(record)));
            Assert.IsFalse(Bool(doc, "valid"));
            var problems = Arr(doc["problems"], "problems");
            Assert.Greater(problems.Count, 0);
            Assert.IsNotNull(Str(problems[0], "code"));
        }

        [Test]
        public void DayInfoKinds()
        {
            AssertDay(_engine, "2025-03-04", true, "weekday");
            AssertDay(_engine, "2025-03-08", false, "weekend");
            AssertDay(_engine, "2025-10-01", false, "holiday");        // National Day
            AssertDay(_engine, "2025-09-28", true, "adjusted_workday"); // Sunday worked for National Day
            Assert.IsTrue(Bool(Obj(_engine.DayInfo("2025-10-01")), "calendar_known"));
        }

        [Test]
        public void DayInfoUnknownYearAndConfiguredCalendar()
        {
            Assert.IsFalse(Bool(Obj(_engine.DayInfo("2031-06-02")), "calendar_known"));
            using (var e = new GovitEngine("{\"calendar\":{\"2031\":{\"holidays\":[\"2031-06-02\"],\"workdays\":[\"2031-06-07\"]}}}"))
            {
                var doc = Obj(e.DayInfo("2031-06-02"));
                Assert.IsTrue(Bool(doc, "calendar_known"));
                Assert.AreEqual("holiday", Str(doc, "kind"));
                Assert.AreEqual("adjusted_workday", Str(Obj(e.DayInfo("2031-06-07")), "kind"));
            }
        }

        [Test]
        public void AddWorkingDays()
        {
            var plain = Obj(_engine.AddWorkingDays("2025-03-03", 10));
            Assert.AreEqual("2025-03-17", Str(plain, "date"));
            Assert.IsTrue(Bool(plain, "calendar_known"));
            // Across the 2025 National Day holiday, with the adjusted workdays of 28 Sep and 11 Oct.
            Assert.AreEqual("2025-10-16", Str(Obj(_engine.AddWorkingDays("2025-09-26", 10)), "date"));
            Assert.AreEqual("2025-03-03", Str(Obj(_engine.AddWorkingDays("2025-03-03", 0)), "date"));
        }

        [Test]
        public void RulesCatalogue()
        {
            string json = _engine.Rules();
            var rules = Arr(Json.Parse(json), "rules");
            Assert.Greater(rules.Count, 0);
            var signingLate = rules.FirstOrDefault(r => Str(r, "rule") == "art28.contract_signing_late");
            Assert.IsNotNull(signingLate, "art28.contract_signing_late in the catalogue");
            Assert.AreEqual("violation", Str(signingLate, "severity"));
            Assert.AreEqual("28", Json.Get(signingLate, "article").ToString());
            foreach (object r in rules)
            {
                Assert.IsNotNull(Str(r, "rule"));
                Assert.IsNotNull(Str(r, "title"));
                Assert.IsNotNull(Str(r, "title_en"));
            }
        }

        [Test]
        public void LocaleEnglish()
        {
            string evt = Event("pass_final_acceptance", "2025-03-03", "big_data_center", "曲阜市政府办公室（市大数据中心）");
            using (var en = new GovitEngine("{\"locale\":\"en\"}"))
            {
                var doc = Obj(en.Apply(Project(), evt));
                var finding = Arr(doc["findings"], "findings")[0];
                Assert.AreEqual(Str(finding, "message_en"), Str(finding, "message"));
            }
        }

        [Test]
        public void ResultsAreDeterministic()
        {
            Assert.AreEqual(_engine.Apply(Project(), SubmitDemand()), _engine.Apply(Project(), SubmitDemand()));
            using (var other = new GovitEngine())
            {
                Assert.AreEqual(_engine.Check(Project()), other.Check(Project()));
                Assert.AreEqual(_engine.Rules(), other.Rules());
            }
        }

        private static void AssertDay(GovitEngine e, string date, bool working, string kind)
        {
            var doc = Obj(e.DayInfo(date));
            Assert.AreEqual(date, Str(doc, "date"));
            Assert.AreEqual(working, Bool(doc, "working_day"), date);
            Assert.AreEqual(kind, Str(doc, "kind"), date);
        }
    }
}
