// govit from C#: a project of 曲阜市文化和旅游局 walks from contract signing to operation,
// the way an OA system would drive it — each step is an event the OA records when a user
// acts (签订合同、合同备案、开工、报告进度、初验、申请终验、通过终验), sent to govit
// together with the stored project record; the OA stores the record govit returns.
//
// The record starts in state `awarded`: the example first replays the earlier steps
// (需求申报 → 技术评审 → 立项 → 预算 → 采购 → 中标) from a draft, as the OA would have
// done months before.
//
// Build and run (see bindings/dotnet/README.md):
//   make -C bindings/dotnet example

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Govit;

namespace GovitExample
{
    /// <summary>What govit decided about one event.</summary>
    internal sealed class Decision
    {
        public bool Accepted;
        public string StateBefore;
        public string StateAfter;
        public List<Dictionary<string, object>> Findings = new List<Dictionary<string, object>>();
    }

    /// <summary>
    /// The OA side of one project: the stored record (in a real system a database column)
    /// and the calls that move it on. One GovitEngine serves the whole application.
    /// </summary>
    internal sealed class ProjectWorkflow
    {
        private readonly GovitEngine _govit;

        public ProjectWorkflow(GovitEngine govit, string record)
        {
            _govit = govit;
            Record = record;
        }

        /// <summary>The current project record, exactly as govit returned it.</summary>
        public string Record { get; private set; }

        public Decision Submit(string type, string date, string role, string unit, string data = "{}")
        {
            string evt = "{\"type\":" + JsonText.Quote(type) + ",\"date\":" + JsonText.Quote(date) +
                         ",\"actor\":{\"role\":" + JsonText.Quote(role) + ",\"unit\":" + JsonText.Quote(unit) + "}" +
                         ",\"data\":" + data + "}";
            string result = _govit.Apply(Record, evt); // GovitException only for malformed input
            var doc = (Dictionary<string, object>)JsonText.Parse(result);
            var decision = new Decision
            {
                Accepted = (bool)doc["accepted"],
                StateBefore = (string)doc["state_before"],
                StateAfter = (string)doc["state_after"],
                Findings = ((List<object>)doc["findings"]).Cast<Dictionary<string, object>>().ToList(),
            };
            if (decision.Accepted)
            {
                // Store the new record. A refused event leaves the stored record as it was.
                Record = JsonText.RawMember(result, "project");
            }
            return decision;
        }
    }

    internal static class Program
    {
        private const string Owner = "曲阜市文化和旅游局";
        private const string BigDataCenter = "曲阜市政府办公室（市大数据中心）";
        private const string Finance = "曲阜市财政局";

        private const string DraftProject =
            "{\"id\":\"QF-2025-001\",\"name\":\"曲阜市文旅服务平台\",\"owner_unit\":\"曲阜市文化和旅游局\"," +
            "\"funding\":[\"government_investment\"],\"category\":\"business_system\"," +
            "\"basis\":\"《曲阜市“十四五”数字政府建设规划》\",\"content\":\"建设全市文旅服务平台，接入爱山东和一体化在线政务服务平台\"," +
            "\"goals\":\"游客服务一网通办\",\"location\":\"曲阜市\",\"budget_yuan\":\"3000000.00\"," +
            "\"security_budget_yuan\":\"200000.00\",\"audience\":\"public\"," +
            "\"platforms\":[\"integrated_online_service\",\"ai_shandong\"],\"procurement_method\":\"public_tender\"," +
            "\"planned_completion\":\"2026-12-31\",\"oa_file_no\":\"曲文旅〔2025〕12号\"}";

        private static int Main()
        {
            Console.OutputEncoding = new UTF8Encoding(false);
            Console.WriteLine("govit " + GovitEngine.Version + " (C ABI " + GovitEngine.AbiVersion + ")");

            using (var govit = new GovitEngine())
            {
                var project = new ProjectWorkflow(govit, DraftProject);

                Console.WriteLine();
                Console.WriteLine("== The record so far: from draft to awarded ==");
                bool ok =
                    Step(project, "submit_demand", "2025-03-03", "construction_unit", Owner,
                         "{\"documents\":[\"party_committee_decision\"]}", quiet: true) &&
                    Step(project, "pass_demand_review", "2025-03-14", "big_data_center", BigDataCenter,
                         "{\"documents\":[\"review_opinion\"]}", quiet: true) &&
                    Step(project, "submit_technical", "2025-04-01", "construction_unit", Owner,
                         "{\"documents\":[\"construction_plan\",\"crypto_plan\",\"secure_reliable_statement\",\"data_sharing_plan\"]}", quiet: true) &&
                    Step(project, "pass_technical_review", "2025-04-18", "big_data_center", BigDataCenter,
                         "{\"documents\":[\"review_opinion\"]}", quiet: true) &&
                    Step(project, "approve", "2025-04-30", "big_data_center", BigDataCenter, quiet: true) &&
                    Step(project, "approve_budget", "2025-06-10", "finance", Finance, quiet: true) &&
                    Step(project, "file_responsibility_letter", "2025-06-20", "construction_unit", Owner,
                         "{\"documents\":[\"responsibility_letter\"]}", quiet: true) &&
                    Step(project, "start_procurement", "2025-07-15", "construction_unit", Owner,
                         "{\"method\":\"public_tender\"}", quiet: true) &&
                    Step(project, "award_bid", "2025-09-26", "construction_unit", Owner,
                         "{\"notice_date\":\"2025-09-26\",\"supplier\":\"山东示例信息技术有限公司\"}", quiet: true);
                if (!ok) return 1;

                Console.WriteLine();
                Console.WriteLine("== From contract signing to operation ==");
                // The contract is signed on 20 October: the 10 working days after the award
                // notice of 26 September ran out on 16 October (National Day holiday included),
                // so govit records an Art 28 violation — and still accepts the signature.
                ok =
                    Step(project, "sign_contract", "2025-10-20", "construction_unit", Owner,
                         "{\"clauses\":[\"name\",\"subject_scope\",\"performance_plan\",\"confidentiality\"," +
                         "\"result_ownership\",\"acceptance_criteria\",\"glossary\",\"ip_ownership\",\"data_ownership\"," +
                         "\"ip_liability\",\"implementation_period\",\"warranty_terms\"]," +
                         "\"legal_review\":true,\"legal_counsel\":\"山东孔孟律师事务所\"," +
                         "\"implementation_months\":12,\"warranty_months\":24}");
                if (!ok) return 1;

                // An impatient user tries to start before the contract is filed: refused.
                Step(project, "start_implementation", "2025-10-22", "construction_unit", Owner,
                     "{\"implementing_agency\":\"曲阜市文化和旅游局信息中心\",\"responsible_person\":\"孔某某\"}");

                ok =
                    Step(project, "file_contract", "2025-10-24", "construction_unit", Owner) &&
                    Step(project, "start_implementation", "2025-11-03", "construction_unit", Owner,
                         "{\"implementing_agency\":\"曲阜市文化和旅游局信息中心\",\"responsible_person\":\"孔某某\"}") &&
                    Step(project, "report_progress", "2026-03-31", "construction_unit", Owner,
                         "{\"spent_yuan\":\"1200000.00\"}") &&
                    Step(project, "pass_preliminary_acceptance", "2026-10-30", "construction_unit", Owner) &&
                    Step(project, "apply_final_acceptance", "2026-11-16", "construction_unit", Owner,
                         "{\"documents\":[\"crypto_assessment\",\"mlps_filing\",\"risk_assessment\"]}") &&
                    Step(project, "pass_final_acceptance", "2026-12-15", "big_data_center", BigDataCenter,
                         "{\"documents\":[\"acceptance_opinion\"],\"actual_cost_yuan\":\"2860000.00\"}");
                if (!ok) return 1;

                Console.WriteLine();
                Console.WriteLine("== The stored record ==");
                var record = (Dictionary<string, object>)JsonText.Parse(project.Record);
                var history = (List<object>)record["history"];
                var verify = (Dictionary<string, object>)JsonText.Parse(govit.Verify(project.Record));
                Console.WriteLine("state " + record["state"] + ", " + history.Count + " events in history, " +
                                  "verify: " + ((bool)verify["valid"] ? "valid" : "INVALID") +
                                  ", OA field oa_file_no kept: " + record["oa_file_no"]);

                // What the OA's dashboard would show a month into operation.
                var check = (Dictionary<string, object>)JsonText.Parse(
                    govit.Check(project.Record, "{\"as_of\":\"2027-01-15\"}"));
                var findings = ((List<object>)check["findings"]).Cast<Dictionary<string, object>>().ToList();
                Console.WriteLine("check as of 2027-01-15: " + findings.Count + " findings");
                PrintFindings(findings);
                foreach (Dictionary<string, object> d in ((List<object>)check["deadlines"]).Cast<Dictionary<string, object>>())
                {
                    Console.WriteLine("            deadline  " + d["due"] + "  " + d["event"] + "  (" + d["rule"] + ")");
                }
                Console.WriteLine("next events: " + string.Join(", ", ((List<object>)check["allowed_events"]).Cast<string>()));
            }
            return 0;
        }

        /// <summary>Sends one event and prints govit's decision. Returns whether it was accepted.</summary>
        private static bool Step(ProjectWorkflow project, string type, string date, string role, string unit,
                                 string data = "{}", bool quiet = false)
        {
            Decision d;
            try
            {
                d = project.Submit(type, date, role, unit, data);
            }
            catch (GovitException e)
            {
                // Malformed input: a bug in the OA's own code, not a decision about the project.
                Console.WriteLine(date + "  " + type + ": error " + e.Status + ": " + e.ErrorMessage + " " + e.JsonPath);
                return false;
            }
            Console.WriteLine(date + "  " + type.PadRight(28) + (d.StateBefore + " → " + d.StateAfter).PadRight(42) +
                              (d.Accepted ? "accepted" : "REFUSED"));
            PrintFindings(quiet && d.Accepted ? d.Findings.Where(f => (string)f["severity"] != "info") : d.Findings);
            return d.Accepted;
        }

        private static void PrintFindings(IEnumerable<Dictionary<string, object>> findings)
        {
            foreach (Dictionary<string, object> f in findings)
            {
                string due = f.ContainsKey("due") && f["due"] != null ? " (due " + f["due"] + ")" : "";
                Console.WriteLine("            " + ((string)f["severity"]).PadRight(9) + " " + f["rule"] + due);
                Console.WriteLine("                      " + f["message"]);
            }
        }
    }
}
