using System;
using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using Govit.Internal;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>Every error path: each non-OK status becomes a GovitException; bad arguments are refused before the call.</summary>
    [TestFixture]
    public class ErrorTests
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

        private static GovitException Fails(GovitStatus expected, TestDelegate call)
        {
            var e = Assert.Throws<GovitException>(call);
            Assert.AreEqual(expected, e.Status, e.Message);
            Assert.IsNotNull(e.ErrorJson, "an error document");
            var doc = Obj(e.ErrorJson);
            Assert.IsInstanceOf<string>(Json.Get(doc, "error", "code"), "error.code in " + e.ErrorJson);
            Assert.IsInstanceOf<string>(Json.Get(doc, "error", "message"), "error.message in " + e.ErrorJson);
            Assert.AreEqual(Json.Get(doc, "error", "code"), e.Code);
            Assert.AreEqual(Json.Get(doc, "error", "message"), e.ErrorMessage);
            StringAssert.Contains(e.Code, e.Message);
            return e;
        }

        [Test]
        public void InvalidJsonIsStatus3()
        {
            var e = Fails(GovitStatus.InvalidJson, () => _engine.Check("{\"id\": \"QF-1\", "));
            Assert.AreEqual("invalid_json", e.Code);
            Fails(GovitStatus.InvalidJson, () => _engine.Check(Project(), "{as_of: 2025-03-03}"));
            Fails(GovitStatus.InvalidJson, () => _engine.Apply("not json", SubmitDemand()));
            Fails(GovitStatus.InvalidJson, () => _engine.Apply(Project(), "{\"type\":"));
            Fails(GovitStatus.InvalidJson, () => _engine.Verify("[1,2"));
            Fails(GovitStatus.InvalidJson, () => _engine.Check(""));
            Fails(GovitStatus.InvalidJson, () => new GovitEngine("{\"locale\":").Dispose());
        }

        [Test]
        public void InvalidInputIsStatus4()
        {
            var e = Fails(GovitStatus.InvalidInput, () => _engine.DayInfo("2025-02-30"));
            Assert.AreEqual("invalid_input", e.Code);
            Fails(GovitStatus.InvalidInput, () => _engine.DayInfo("yesterday"));
            Fails(GovitStatus.InvalidInput, () => _engine.AddWorkingDays("2025-13-01", 3));
            Fails(GovitStatus.InvalidInput, () => _engine.Check("[]"));
            Fails(GovitStatus.InvalidInput, () => _engine.Check(Project().Replace("\"3000000.00\"", "\"-5\"")));
            Fails(GovitStatus.InvalidInput, () => _engine.Check(Project().Replace("\"category\":\"business_system\"", "\"category\":42")));
            Fails(GovitStatus.InvalidInput, () => _engine.Apply(Project(), "{\"type\":\"submit_demand\"}"));
            Fails(GovitStatus.InvalidInput, () => _engine.Check(Project(), "{\"as_of\":\"2025-02-30\"}"));
        }

        [Test]
        public void InputTooLargeIsStatus5()
        {
            using (var small = new GovitEngine("{\"max_input_bytes\": 64}"))
            {
                var e = Fails(GovitStatus.InputTooLarge, () => small.Check(Project()));
                Assert.AreEqual("input_too_large", e.Code);
                Fails(GovitStatus.InputTooLarge, () => small.Apply(Project(), SubmitDemand()));
                Fails(GovitStatus.InputTooLarge, () => small.Verify(Project()));
                // Small inputs still work on that engine.
                Assert.AreEqual("2025-03-04", Str(Obj(small.DayInfo("2025-03-04")), "date"));
            }
            // The default limit is 4 MiB.
            string huge = Project(extraMembers: "\"oa_attachment\":\"" + new string('x', 4 * 1024 * 1024) + "\"");
            Fails(GovitStatus.InputTooLarge, () => _engine.Check(huge));
        }

        [Test]
        public void UnsupportedProfileIsStatus6()
        {
            var e = Fails(GovitStatus.Unsupported, () => new GovitEngine("{\"profile\":\"beijing-2030\"}").Dispose());
            Assert.AreEqual("unsupported", e.Code);
        }

        [Test]
        public void NullArgumentsThrowBeforeTheCall()
        {
            string p = Project();
            string ev = SubmitDemand();
            AssertNull("projectJson", () => _engine.Check(null));
            AssertNull("projectJson", () => _engine.Check(null, "{}"));
            AssertNull("projectJson", () => _engine.Apply(null, ev));
            AssertNull("eventJson", () => _engine.Apply(p, null));
            AssertNull("projectJson", () => _engine.Verify(null));
            AssertNull("date", () => _engine.DayInfo(null));
            AssertNull("date", () => _engine.AddWorkingDays(null, 1));
            // The optional arguments: null means "none" / "defaults", as in the C API.
            Assert.IsNotNull(_engine.Check(p, null));
            using (var e = new GovitEngine(null)) Assert.IsNotNull(e.Rules());
            // The engine is still fine.
            Assert.IsTrue(Bool(Obj(_engine.Apply(p, ev)), "accepted"));
        }

        private static void AssertNull(string param, TestDelegate call)
        {
            var e = Assert.Throws<ArgumentNullException>(call);
            Assert.AreEqual(param, e.ParamName);
        }

        [Test]
        public void StringsThatCannotCrossTheBoundary()
        {
            // An embedded NUL would silently truncate the C string.
            var nul = Assert.Throws<ArgumentException>(() => _engine.Check(Project() + "\0{\"x\":1}"));
            Assert.AreEqual("projectJson", nul.ParamName);
            // A lone surrogate has no UTF-8 form; the binding refuses it rather than substituting U+FFFD.
            var lone = Assert.Throws<ArgumentException>(() => _engine.Check(Project(name: "平台\uD840")));
            Assert.AreEqual("projectJson", lone.ParamName);
            Assert.Throws<ArgumentException>(() => _engine.DayInfo("2025-03-04\0"));
            Assert.Throws<ArgumentException>(() => new GovitEngine("{\"locale\":\"\uDC00\"}"));
        }

        [Test]
        public void ExceptionCarriesTheDocument()
        {
            var e = Assert.Throws<GovitException>(() => _engine.Check(Project().Replace("\"3000000.00\"", "\"-5\"")));
            Assert.AreEqual(GovitStatus.InvalidInput, e.Status);
            StringAssert.StartsWith("{", e.ErrorJson);
            StringAssert.Contains("invalid_input", e.Message);
            StringAssert.Contains("(status 4)", e.Message);
            Assert.IsInstanceOf<Exception>(e);
        }

        [Test]
        public void ExceptionIsSerializable()
        {
            var original = new GovitException(GovitStatus.InvalidInput,
                "{\"error\":{\"code\":\"invalid_input\",\"message\":\"预算不能为负\",\"path\":\"$.budget_yuan\"}}");
            Assert.AreEqual("$.budget_yuan", original.JsonPath);
            Assert.AreEqual("预算不能为负", original.ErrorMessage);
            var formatter = new BinaryFormatter();
            using (var stream = new MemoryStream())
            {
                formatter.Serialize(stream, original);
                stream.Position = 0;
                var copy = (GovitException)formatter.Deserialize(stream);
                Assert.AreEqual(original.Status, copy.Status);
                Assert.AreEqual(original.ErrorJson, copy.ErrorJson);
                Assert.AreEqual(original.Code, copy.Code);
                Assert.AreEqual(original.ErrorMessage, copy.ErrorMessage);
                Assert.AreEqual(original.JsonPath, copy.JsonPath);
                Assert.AreEqual(original.Message, copy.Message);
            }
        }

        [Test]
        public void ExceptionWithoutADocument()
        {
            var e = new GovitException(GovitStatus.Internal, null);
            Assert.IsNull(e.ErrorJson);
            Assert.IsNull(e.Code);
            StringAssert.Contains("internal", e.Message);
            var odd = new GovitException((GovitStatus)42, "not json");
            Assert.AreEqual("not json", odd.ErrorJson);
            StringAssert.Contains("status_42", odd.Message);
        }

        [Test]
        public void EngineStaysUsableAfterErrors()
        {
            for (int i = 0; i < 100; i++)
            {
                Assert.Throws<GovitException>(() => _engine.Check("{"));
                Assert.Throws<GovitException>(() => _engine.DayInfo("2025-02-30"));
            }
            Assert.AreEqual("draft", Str(Obj(_engine.Check(Project())), "state"));
        }
    }
}
