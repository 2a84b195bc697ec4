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
    /// The scenario corpus of the repository, as inputs for the kernel: the draft records of
    /// examples/projects/ and examples/nightly/, the sample events of examples/events/, and the
    /// recorded histories of examples/nightly/ (each replayed from its first snapshot, the
    /// record as it stood before its first event).
    /// </summary>
    internal static class Corpus
    {
        internal sealed class Step
        {
            public string Name;
            public string Event;
            public string Date;
            public string Actor;
        }

        internal sealed class Replay
        {
            public string Name;
            public string Draft;
            public List<Step> Steps = new List<Step>();
        }

        internal static string Root
        {
            get
            {
                string root = Environment.GetEnvironmentVariable("GOVIT_TEST_ROOT");
                if (string.IsNullOrEmpty(root)) Assert.Fail("GOVIT_TEST_ROOT is not set (the Makefile sets it)");
                return root;
            }
        }

        internal static IEnumerable<string> Files(string folder, string pattern = "*.json")
        {
            string dir = Path.Combine(Root, folder);
            Assert.IsTrue(Directory.Exists(dir), dir);
            string[] files = Directory.GetFiles(dir, pattern);
            Array.Sort(files, StringComparer.Ordinal);
            Assert.IsNotEmpty(files, "no " + pattern + " in " + dir);
            return files;
        }

        /// <summary>Records without history: examples/projects/*.json and the nightly drafts.</summary>
        internal static List<KeyValuePair<string, string>> Drafts()
        {
            var drafts = new List<KeyValuePair<string, string>>();
            foreach (string f in Files("examples/projects").Concat(Files("examples/nightly")))
            {
                string text = File.ReadAllText(f);
                if (Json.Get(Json.Parse(text), "history") == null)
                    drafts.Add(new KeyValuePair<string, string>(Path.GetFileName(f), text));
            }
            Assert.GreaterOrEqual(drafts.Count, 4);
            return drafts;
        }

        /// <summary>examples/events/*.json.</summary>
        internal static List<KeyValuePair<string, string>> Events()
        {
            return Files("examples/events")
                .Select(f => new KeyValuePair<string, string>(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        }

        /// <summary>The recorded histories of examples/nightly/: the first snapshot and the events.</summary>
        internal static List<Replay> Replays()
        {
            var replays = new List<Replay>();
            foreach (string f in Files("examples/nightly"))
            {
                List<object> history = Json.Get(Json.Parse(File.ReadAllText(f)), "history") as List<object>;
                if (history == null) continue;
                var r = new Replay { Name = Path.GetFileName(f) };
                foreach (object entry in history)
                {
                    object snapshot = Json.Get(entry, "snapshot");
                    if (snapshot != null)
                    {
                        // Only the first entry has one in this corpus; a later one would mean the host
                        // changed declared attributes, which a replay of events alone cannot reproduce.
                        Assert.IsNull(r.Draft, r.Name + ": a later snapshot");
                        r.Draft = Write(snapshot);
                    }
                    object evt = Json.Get(entry, "event");
                    r.Steps.Add(new Step
                    {
                        Name = r.Name + " #" + Json.Get(entry, "seq") + " " + Str(evt, "type"),
                        Event = Write(evt),
                        Date = Str(evt, "date"),
                        Actor = Write(Json.Get(evt, "actor")),
                    });
                }
                Assert.IsNotNull(r.Draft, r.Name + ": no snapshot on the first entry");
                replays.Add(r);
            }
            Assert.GreaterOrEqual(replays.Count, 3);
            return replays;
        }
    }
}
