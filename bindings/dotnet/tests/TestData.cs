using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Govit.Internal;
using NUnit.Framework;

namespace Govit.Tests
{
    /// <summary>Sample documents and JSON helpers shared by the tests.</summary>
    internal static class TestData
    {
        internal const string OwnerUnit = "曲阜市文化和旅游局";

        /// <summary>A draft project (docs/contract.md); <paramref name="name"/> and extra members are substituted.</summary>
        internal static string Project(string name = "曲阜市文旅服务平台", string extraMembers = null, string id = "QF-2025-001")
        {
            return "{\"id\":" + Json.Quote(id) + ",\"name\":" + Json.Quote(name) +
                   ",\"owner_unit\":\"曲阜市文化和旅游局\",\"funding\":[\"government_investment\"]," +
                   "\"category\":\"business_system\",\"basis\":\"《曲阜市“十四五”数字政府建设规划》\"," +
                   "\"content\":\"建设全市文旅服务平台，对接爱山东与一体化在线政务服务平台\"," +
                   "\"goals\":\"游客服务一网通办\",\"location\":\"曲阜市\",\"budget_yuan\":\"3000000.00\"," +
                   "\"security_budget_yuan\":\"200000.00\",\"audience\":\"public\"," +
                   "\"platforms\":[\"integrated_online_service\",\"ai_shandong\"],\"procurement_method\":\"public_tender\"," +
                   "\"planned_completion\":\"2026-12-31\"" +
                   (extraMembers == null ? "" : "," + extraMembers) + "}";
        }

        internal static string Event(string type, string date, string role = "construction_unit",
                                     string unit = OwnerUnit, string data = "{}")
        {
            string actor = unit == null
                ? "{\"role\":" + Json.Quote(role) + "}"
                : "{\"role\":" + Json.Quote(role) + ",\"unit\":" + Json.Quote(unit) + "}";
            return "{\"type\":" + Json.Quote(type) + ",\"date\":" + Json.Quote(date) +
                   ",\"actor\":" + actor + ",\"data\":" + data + "}";
        }

        internal static string SubmitDemand(string date = "2025-03-03")
        {
            return Event("submit_demand", date, data: "{\"documents\":[\"party_committee_decision\"]}");
        }

        internal static Dictionary<string, object> Obj(string json)
        {
            object doc = Json.Parse(json);
            Assert.IsInstanceOf<Dictionary<string, object>>(doc, "expected a JSON object: " + Trim(json));
            return (Dictionary<string, object>)doc;
        }

        internal static List<object> Arr(object node, string what)
        {
            Assert.IsInstanceOf<List<object>>(node, what + " should be an array");
            return (List<object>)node;
        }

        internal static string Str(object node, params object[] path)
        {
            object v = Json.Get(node, path);
            Assert.IsInstanceOf<string>(v, "expected a string at " + string.Join(".", path));
            return (string)v;
        }

        internal static bool Bool(object node, params object[] path)
        {
            object v = Json.Get(node, path);
            Assert.IsInstanceOf<bool>(v, "expected a bool at " + string.Join(".", path));
            return (bool)v;
        }

        internal static IEnumerable<string> Strings(object node, params object[] path)
        {
            return Arr(Json.Get(node, path), string.Join(".", path)).Select(x => (string)x);
        }

        /// <summary>The findings of a check/apply result as "rule/severity" strings.</summary>
        internal static List<string> Findings(Dictionary<string, object> result)
        {
            return Arr(result["findings"], "findings")
                .Select(f => Str(f, "rule") + "/" + Str(f, "severity")).ToList();
        }

        /// <summary>Applies an event that must be accepted and returns the new project record (exact text).</summary>
        internal static string ApplyAccepted(GovitEngine engine, string project, string evt)
        {
            string result = engine.Apply(project, evt);
            var doc = Obj(result);
            Assert.IsTrue(Bool(doc, "accepted"), "event refused: " + evt + "\n" + Trim(result, 2000));
            string next = Json.RawMember(result, "project");
            Assert.IsNotNull(next, "apply result has no project");
            return next;
        }

        /// <summary>Compact JSON writer for documents read with <see cref="Json.Parse"/>.</summary>
        internal static string Write(object node)
        {
            var sb = new StringBuilder();
            Write(sb, node);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, object node)
        {
            if (node == null) sb.Append("null");
            else if (node is bool b) sb.Append(b ? "true" : "false");
            else if (node is string s) sb.Append(Json.Quote(s));
            else if (node is Json.JsonNumber n) sb.Append(n.Text);
            else if (node is List<object> a)
            {
                sb.Append('[');
                for (int i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, a[i]);
                }
                sb.Append(']');
            }
            else
            {
                var o = (Dictionary<string, object>)node;
                sb.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object> kv in o)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(Json.Quote(kv.Key)).Append(':');
                    Write(sb, kv.Value);
                }
                sb.Append('}');
            }
        }

        /// <summary>Structural equality of two parsed documents (numbers by exact text, key order ignored).</summary>
        internal static bool DeepEquals(object x, object y)
        {
            if (x == null || y == null) return x == null && y == null;
            if (x is Json.JsonNumber nx) return y is Json.JsonNumber ny && nx.ToDecimal() == ny.ToDecimal();
            if (x is List<object> ax)
            {
                var ay = y as List<object>;
                return ay != null && ax.Count == ay.Count && ax.Zip(ay, DeepEquals).All(e => e);
            }
            if (x is Dictionary<string, object> ox)
            {
                var oy = y as Dictionary<string, object>;
                return oy != null && ox.Count == oy.Count &&
                       ox.All(kv => oy.TryGetValue(kv.Key, out object v) && DeepEquals(kv.Value, v));
            }
            return x.Equals(y);
        }

        internal static string Trim(string s, int max = 400)
        {
            if (s == null) return "(null)";
            return s.Length <= max ? s : s.Substring(0, max) + "…";
        }

        internal static string Iso(DateTime d)
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}
