// govit from C#: the text "screen" of one project, as an OA system would draw it for the user
// who opens it — the state, the findings, the deadlines, and one button per next step with its
// label, the form behind it and what blocks it. Everything shown comes from two calls:
// GovitEngine.Lifecycle() (labels of states, roles, documents, events; each event's data
// fields) and the NextSteps of GovitEngine.CheckTyped() for the user's role. No event list is
// written here: the only event named is the one the user "presses", given on the command line.
//
// Usage: GovitScreen <record.json> <role> <unit> <date> [<event> <data.json>]
//   draws the screen as of <date> for the actor {role, unit}; with <event>, previews it (the
//   form check before submitting), applies it, and draws the screen of the new record.
//
// Build and run from a fresh clone (bindings/dotnet/README.md, "The screen example"):
//   cargo build --release
//   make -C bindings/dotnet deps screen
// or by hand, with Mono:
//   mcs -langversion:7.2 -unsafe -target:library -out:Govit.dll -recurse:'bindings/dotnet/src/Govit/*.cs'
//   mcs -langversion:7.2 -target:exe -out:GovitScreen.exe -r:Govit.dll examples/dotnet/Screen.cs
//   LD_LIBRARY_PATH=target/release mono GovitScreen.exe examples/nightly/QF-2026-017.json \
//     construction_unit 曲阜市文化和旅游局 2026-12-01 sign_contract examples/dotnet/sign-contract.json

using System;
using System.IO;
using System.Linq;
using System.Text;
using Govit;

namespace GovitExample
{
    internal static class Screen
    {
        private static int Main(string[] args)
        {
            if (args.Length != 4 && args.Length != 6)
            {
                Console.Error.WriteLine("usage: GovitScreen <record.json> <role> <unit> <date> [<event> <data.json>]");
                return 2;
            }
            Console.OutputEncoding = new UTF8Encoding(false);
            string record = File.ReadAllText(args[0]);
            string actor = "{\"role\":" + Quote(args[1]) + ",\"unit\":" + Quote(args[2]) + "}";
            string date = args[3];

            using (var govit = new GovitEngine())
            {
                Lifecycle lifecycle = govit.Lifecycle();
                Draw(govit, lifecycle, record, actor, args[1], args[2], date);
                if (args.Length == 4) return 0;

                // The user presses the button of args[4] and fills in its form (args[5]).
                string type = args[4];
                string evt = "{\"type\":" + Quote(type) + ",\"date\":" + Quote(date) + ",\"actor\":" + actor +
                             ",\"data\":" + File.ReadAllText(args[5]) + "}";
                EventInfo info = lifecycle.FindEvent(type);
                string label = info == null ? type : info.Label + " " + info.LabelEn;
                Console.WriteLine();
                Decision preview = govit.Preview(record, evt);
                Console.WriteLine(">> [" + label + "] preview: " + Outcome(lifecycle, preview));
                foreach (Finding f in preview.Findings) Console.WriteLine("     " + Line(f));
                if (!preview.Accepted) return 1;

                Decision applied = govit.ApplyTyped(record, evt);
                Console.WriteLine(">> [" + label + "] submitted: " + Outcome(lifecycle, applied) +
                                  "; the OA stores the new record");
                record = applied.ProjectJson;
                Console.WriteLine();
                Draw(govit, lifecycle, record, actor, args[1], args[2], date);
            }
            return 0;
        }

        private static void Draw(GovitEngine govit, Lifecycle lifecycle, string record, string actor,
                                 string role, string unit, string date)
        {
            CheckResult c = govit.CheckTyped(record, "{\"as_of\":" + Quote(date) + ",\"actor\":" + actor + "}");
            RoleInfo r = lifecycle.FindRole(role);
            Console.WriteLine("== " + c.ProjectId + " · " + date + " · " + (r == null ? role : r.Label + " " + r.LabelEn) +
                              " · " + unit + " ==");
            Console.WriteLine("状态 State: " + StateLabel(lifecycle, c.State) + (c.InScope ? "" : "  (out of scope, Art 2)"));

            Console.WriteLine("问题 Findings:" + (c.Findings.Count == 0 ? " none" : ""));
            foreach (Finding f in c.Findings) Console.WriteLine("  " + Line(f));

            if (c.Deadlines.Count > 0) Console.WriteLine("期限 Deadlines:");
            foreach (Deadline d in c.Deadlines)
            {
                EventInfo e = lifecycle.FindEvent(d.Event);
                Console.WriteLine("  " + d.Due.ToString("yyyy-MM-dd") + "  " + (e == null ? d.Event : e.Label + " " + e.LabelEn) +
                                  "  (" + d.Rule + ")");
            }

            Console.WriteLine("按钮 Buttons:" + (c.NextSteps.Count == 0 ? " none for this role" : ""));
            foreach (NextStep s in c.NextSteps)
            {
                Console.WriteLine("  [" + s.Label + " " + s.LabelEn + "] → " + StateLabel(lifecycle, s.To) +
                                  (s.Ready ? "   ready" : "   blocked by " + string.Join(", ", s.BlockedBy)) +
                                  (s.Needs.Count == 0 ? "" : "   needs " + string.Join(", ", s.Needs)));
                // The form: the step's fields, typed from the lifecycle's declaration of the event.
                EventInfo e = lifecycle.FindEvent(s.Event);
                foreach (DataField field in s.Data)
                {
                    DataField declared = e == null ? null : e.Data.FirstOrDefault(x => x.Key == field.Key);
                    Console.WriteLine("      " + (field.Required ? "* " : "  ") + field.Key + " " + field.Label +
                                      (declared == null ? "" : " (" + TypeText(declared) + ")"));
                }
                if (s.Documents.Count > 0)
                {
                    Console.WriteLine("      documents: " + string.Join("、", s.Documents.Select(d =>
                    {
                        DocumentInfo doc = lifecycle.FindDocument(d);
                        return doc == null ? d : doc.Label;
                    })));
                }
            }
        }

        private static string Outcome(Lifecycle lifecycle, Decision d)
        {
            return (d.Accepted ? "accepted" : "REFUSED") + ", " + StateLabel(lifecycle, d.StateBefore) + " → " +
                   StateLabel(lifecycle, d.StateAfter) + ", " + d.Findings.Count + " finding(s)";
        }

        private static string StateLabel(Lifecycle lifecycle, string state)
        {
            StateInfo s = lifecycle.FindState(state);
            return s == null ? state : s.Label + " " + s.LabelEn;
        }

        private static string Line(Finding f)
        {
            return f.Severity.ToString().ToLowerInvariant().PadRight(9) + " " + f.Rule +
                   (f.Due == null ? "" : " (due " + f.Due.Value.ToString("yyyy-MM-dd") + ")") + "\n" +
                   "            " + f.Message;
        }

        private static string TypeText(DataField f)
        {
            if (f.Type == FieldType.Code && f.Values.Count > 0)
                return "one of " + string.Join("|", f.Values.Select(v => v.Value));
            if (f.Type == FieldType.List && f.Items != null)
                return "list of " + TypeText(f.Items);
            return f.Type == null ? "?" : f.Type.Value.ToString().ToLowerInvariant();
        }

        private static string Quote(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (char ch in s)
            {
                if (ch == '"' || ch == '\\') sb.Append('\\').Append(ch);
                else if (ch < 0x20) sb.Append("\\u").Append(((int)ch).ToString("x4"));
                else sb.Append(ch);
            }
            return sb.Append('"').ToString();
        }
    }
}
