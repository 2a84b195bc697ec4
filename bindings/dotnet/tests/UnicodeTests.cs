using System.Collections.Generic;
using System.Text;
using Govit.Internal;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>UTF-8 in and out: BMP Chinese, supplementary-plane CJK (surrogate pairs in .NET) and emoji.</summary>
    [TestFixture]
    public class UnicodeTests
    {
        // 𠀀 U+20000 and 𪚥 U+2A6A5 (CJK Extension B), 😀 U+1F600: each a surrogate pair in UTF-16, 4 bytes in UTF-8.
        private const string Name = "曲阜市文旅服务平台·𠀀𪚥😀";
        private const string Remark = "审批意见：同意。 𠀀𪚥 😀 \"引号\" \\ 反斜杠 \t 制表";

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
        public void SurrogatePairsAreWhatWeThinkTheyAre()
        {
            Assert.AreEqual(2, "𠀀".Length);
            Assert.AreEqual(4, Encoding.UTF8.GetByteCount("𠀀"));
            Assert.AreEqual(4, Encoding.UTF8.GetByteCount("𪚥"));
            Assert.AreEqual(4, Encoding.UTF8.GetByteCount("😀"));
        }

        [Test]
        public void ApplyKeepsNameAndUnknownFieldsByteForByte()
        {
            string extra = "\"oa_remark\":" + Json.Quote(Remark) +
                           ",\"oa_meta\":{\"标签\":[\"𠀀\",\"😀\"],\"审批人\":\"孔𪚥\"}";
            string project = Project(name: Name, extraMembers: extra);
            string result = _engine.Apply(project, SubmitDemand());
            var doc = Obj(result);
            Assert.IsTrue(Bool(doc, "accepted"), Trim(result, 2000));

            string record = Json.RawMember(result, "project");
            var parsed = Obj(record);
            Assert.AreEqual(Name, Str(parsed, "name"));
            Assert.AreEqual(Remark, Str(parsed, "oa_remark"));
            Assert.AreEqual("孔𪚥", Str(parsed, "oa_meta", "审批人"));
            Assert.AreEqual("𠀀", Str(parsed, "oa_meta", "标签", 0));
            Assert.AreEqual("😀", Str(parsed, "oa_meta", "标签", 1));

            // Byte-identical: the UTF-8 of the JSON strings we sent occurs verbatim in the record's UTF-8.
            byte[] recordBytes = Encoding.UTF8.GetBytes(record);
            AssertContainsBytes(recordBytes, Encoding.UTF8.GetBytes(Json.Quote(Name)));
            AssertContainsBytes(recordBytes, Encoding.UTF8.GetBytes("\"孔𪚥\""));
            AssertContainsBytes(recordBytes, Encoding.UTF8.GetBytes("\"😀\""));
            AssertContainsBytes(recordBytes, Encoding.UTF8.GetBytes("𠀀𪚥 😀"));
        }

        [Test]
        public void ChainedAppliesKeepUnicode()
        {
            string project = Project(name: Name, extraMembers: "\"oa_remark\":" + Json.Quote(Remark));
            string next = ApplyAccepted(_engine, project, SubmitDemand());
            string evt = Event("pass_demand_review", "2025-03-10", "big_data_center", "曲阜市政府办公室（市大数据中心）",
                               "{\"documents\":[\"review_opinion\"]}");
            string after = ApplyAccepted(_engine, next, evt);
            Assert.AreEqual(Name, Str(Obj(after), "name"));
            Assert.AreEqual(Remark, Str(Obj(after), "oa_remark"));
            Assert.IsTrue(Bool(Obj(_engine.Verify(after)), "valid"), _engine.Verify(after));
        }

        [Test]
        public void CheckEchoesAUnicodeId()
        {
            string id = "曲阜-𠀀-😀-001";
            var doc = Obj(_engine.Check(Project(id: id)));
            Assert.AreEqual(id, Str(doc, "project_id"));
        }

        [Test]
        public void ChineseFindingMessagesDecode()
        {
            string evt = Event("pass_final_acceptance", "2025-03-03", "big_data_center", "曲阜市政府办公室（市大数据中心）");
            var doc = Obj(_engine.Apply(Project(), evt));
            var findings = Arr(doc["findings"], "findings");
            Assert.Greater(findings.Count, 0);
            string message = Str(findings[0], "message");
            Assert.IsTrue(ContainsCjk(message), "zh-CN message: " + message);
            Assert.IsFalse(message.Contains("\uFFFD"), "no replacement characters: " + message);
        }

        [Test]
        public void UnicodeInErrorDocuments()
        {
            // A bad value inside a Chinese document still yields a well-formed error document.
            var e = Assert.Throws<GovitException>(() => _engine.Check(Project(name: Name).Replace("\"3000000.00\"", "\"三百万\"")));
            Assert.AreEqual(GovitStatus.InvalidInput, e.Status);
            Assert.IsFalse(e.ErrorJson.Contains("\uFFFD"));
        }

        private static bool ContainsCjk(string s)
        {
            foreach (char c in s)
            {
                if (c >= '\u4E00' && c <= '\u9FFF') return true;
            }
            return false;
        }

        private static void AssertContainsBytes(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return;
            }
            Assert.Fail("bytes of " + Encoding.UTF8.GetString(needle) + " not found in the record");
        }
    }
}
