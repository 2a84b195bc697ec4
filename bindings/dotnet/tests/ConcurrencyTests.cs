using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>One engine shared by 8 threads gives the same answers as serial calls.</summary>
    [TestFixture]
    public class ConcurrencyTests
    {
        private const int Threads = 8;
        private const int Rounds = 60;

        private static Func<GovitEngine, string>[] Workload()
        {
            string project = Project();
            string unicode = Project(name: "曲阜市文旅服务平台·𠀀𪚥😀", extraMembers: "\"oa_remark\":\"😀\"");
            string demand = SubmitDemand();
            var calls = new List<Func<GovitEngine, string>>
            {
                e => e.Check(project),
                e => e.Check(project, "{\"as_of\":\"2025-06-30\"}"),
                e => e.Apply(project, demand),
                e => e.Apply(unicode, demand),
                e => e.Apply(project, Event("pass_final_acceptance", "2025-03-03", "big_data_center", "曲阜市政府办公室（市大数据中心）")),
                e => e.Verify(project),
                e => e.DayInfo("2025-10-01"),
                e => e.DayInfo("2025-09-28"),
                e => e.AddWorkingDays("2025-09-26", 10),
                e => e.AddWorkingDays("2025-03-03", 25),
                e => e.Rules(),
                e => Catch(() => e.Check("{broken")),
                e => Catch(() => e.DayInfo("2025-02-30")),
            };
            // Dates spread over two years exercise the calendar from every thread.
            for (int i = 0; i < 24; i++)
            {
                string d = Iso(new DateTime(2025, 1, 1).AddDays(i * 29));
                int n = i;
                calls.Add(e => e.DayInfo(d));
                calls.Add(e => e.AddWorkingDays(d, n));
            }
            return calls.ToArray();
        }

        private static string Catch(Func<string> call)
        {
            try
            {
                return call();
            }
            catch (GovitException e)
            {
                return "error " + e.Status + " " + e.ErrorJson;
            }
        }

        [Test]
        public void EightThreadsShareOneEngine()
        {
            Func<GovitEngine, string>[] calls = Workload();
            using (var engine = new GovitEngine())
            {
                var expected = new string[calls.Length];
                for (int i = 0; i < calls.Length; i++) expected[i] = calls[i](engine);

                var errors = new List<string>();
                int done = 0;
                var barrier = new Barrier(Threads);
                var threads = new Thread[Threads];
                for (int t = 0; t < Threads; t++)
                {
                    int offset = t;
                    threads[t] = new Thread(() =>
                    {
                        barrier.SignalAndWait();
                        try
                        {
                            for (int r = 0; r < Rounds; r++)
                            {
                                // Each thread walks the workload from a different offset.
                                for (int k = 0; k < calls.Length; k++)
                                {
                                    int i = (k + offset * 7 + r) % calls.Length;
                                    string got = calls[i](engine);
                                    if (got != expected[i])
                                    {
                                        lock (errors) errors.Add("call " + i + ": " + Trim(got) + " != " + Trim(expected[i]));
                                        return;
                                    }
                                    Interlocked.Increment(ref done);
                                }
                            }
                        }
                        catch (Exception ex)
                        {
                            lock (errors) errors.Add(ex.ToString());
                        }
                    });
                    threads[t].Start();
                }
                foreach (Thread th in threads) Assert.IsTrue(th.Join(TimeSpan.FromMinutes(5)), "thread timed out");
                Assert.IsEmpty(errors, errors.Count > 0 ? errors[0] : "");
                Assert.AreEqual(Threads * Rounds * calls.Length, done);
            }
        }

        [Test]
        public void EnginesOnEveryThread()
        {
            // Independent engines created and disposed concurrently.
            var errors = new List<Exception>();
            var threads = new Thread[Threads];
            for (int t = 0; t < Threads; t++)
            {
                threads[t] = new Thread(() =>
                {
                    try
                    {
                        for (int i = 0; i < 50; i++)
                        {
                            using (var e = new GovitEngine(i % 2 == 0 ? null : "{\"locale\":\"en\"}"))
                            {
                                if (!e.AddWorkingDays("2025-09-26", 10).Contains("2025-10-16")) throw new Exception("wrong date");
                            }
                        }
                    }
                    catch (Exception ex)
                    {
                        lock (errors) errors.Add(ex);
                    }
                });
                threads[t].Start();
            }
            foreach (Thread th in threads) th.Join();
            Assert.IsEmpty(errors, errors.Count > 0 ? errors[0].ToString() : "");
        }
    }
}
