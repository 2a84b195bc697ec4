using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using NUnit.Framework;
using static Govit.Tests.TestData;

namespace Govit.Tests
{
    /// <summary>
    /// 100,000 calls must not grow the process: every native string is freed with
    /// govit_string_free, error documents included. Resident memory (VmRSS from
    /// /proc/self/status; the working set where there is no /proc) is measured after a
    /// warm-up and after the calls, each time after a full garbage collection, and must not
    /// grow by more than 1 MiB. Where glibc 2.33+ is present, the bytes malloc has handed out
    /// and not taken back (mallinfo2, all arenas: the kernel's allocations) are measured too,
    /// and must not grow by more than 256 KiB.
    /// </summary>
    /// <remarks>
    /// VmRSS includes the garbage collector's young generation, whose pages the runtime
    /// commits and decommits as it likes. Mono's nursery is 4 MiB. CoreCLR sizes gen0 from
    /// the CPU's L3 cache — ~80 MiB on a host reporting 300 MiB of L3 — and then VmRSS
    /// swings by tens of MiB between two measurements whatever the code under test does;
    /// the Makefile therefore runs CoreCLR with COMPlus_GCgen0size=0x400000 (4 MiB, as Mono).
    /// Negative controls: a binding that never calls govit_string_free grows VmRSS by
    /// ~400 MB here; one that leaks only the error documents (1 call in 8) by ~2.2 MB.
    /// </remarks>
    [TestFixture]
    public class MemoryTests
    {
        private const int WarmUpCalls = 10000;
        private const int Calls = 100000;

        // A leak of even the smallest result (a day_info document, ~90 bytes plus the
        // allocator's header) on 1/8 of the calls would be over 1.1 MiB; a leak of the
        // apply result (the whole record) would be tens of MiB.
        private const long BoundBytes = 1L << 20; // 1 MiB over 100,000 calls: < 11 bytes per call
        private const long NativeBoundBytes = 256L << 10;

        [Test]
        public void HundredThousandCallsDoNotGrowTheProcess()
        {
            string project = Project();
            string demand = SubmitDemand();
            string options = "{\"as_of\":\"2025-06-30\",\"actor\":{\"role\":\"construction_unit\",\"unit\":\"曲阜市文化和旅游局\"}}";
            using (var engine = new GovitEngine())
            {
                string applied = ApplyAccepted(engine, project, demand);
                long resultBytes = 0;
                Action<int> call = i =>
                {
                    string r;
                    switch (i % 8)
                    {
                        case 0: r = engine.Check(project); break;
                        case 1: r = engine.Apply(project, demand); break;
                        case 2: r = engine.Verify(applied); break;
                        case 3: r = engine.DayInfo("2025-10-01"); break;
                        case 4: r = engine.AddWorkingDays("2025-09-26", 10); break;
                        case 5: r = engine.Rules(); break;
                        case 6:
                            try
                            {
                                engine.DayInfo("2025-02-30");
                                throw new AssertionException("expected an error");
                            }
                            catch (GovitException e)
                            {
                                r = e.ErrorJson;
                            }
                            break;
                        default: r = engine.Check(project, options); break;
                    }
                    resultBytes += r.Length;
                };

                for (int i = 0; i < WarmUpCalls; i++) call(i);
                long before = Resident();
                long nativeBefore = NativeHeapInUse();
                long managedBefore = GC.GetTotalMemory(true);

                resultBytes = 0;
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < Calls; i++) call(i);
                watch.Stop();

                long after = Resident();
                long nativeAfter = NativeHeapInUse();
                long managedAfter = GC.GetTotalMemory(true);
                long growth = after - before;
                long nativeGrowth = nativeAfter - nativeBefore;
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "memory: {0:N0} calls in {1:0.0} s ({2:N0} calls/s), {3:N0} result chars returned",
                    Calls, watch.Elapsed.TotalSeconds, Calls / watch.Elapsed.TotalSeconds, resultBytes));
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "memory: {0} {1:N0} KiB -> {2:N0} KiB: growth {3:N0} bytes ({4:0.00} bytes/call, bound {5:N0})",
                    File.Exists("/proc/self/status") ? "VmRSS" : "working set",
                    before / 1024, after / 1024, growth, (double)growth / Calls, BoundBytes));
                if (nativeBefore >= 0)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "memory: malloc in use {0:N0} -> {1:N0} bytes: growth {2:N0} bytes (bound {3:N0}); managed heap {4:N0} -> {5:N0} bytes",
                        nativeBefore, nativeAfter, nativeGrowth, NativeBoundBytes, managedBefore, managedAfter));
                }
                Assert.Less(growth, BoundBytes, "resident memory grew by " + growth + " bytes over " + Calls + " calls");
                if (nativeBefore >= 0)
                {
                    Assert.Less(nativeGrowth, NativeBoundBytes, "malloc'd memory grew by " + nativeGrowth + " bytes over " + Calls + " calls");
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct MallInfo2
        {
            public UIntPtr Arena, Ordblks, Smblks, Hblks, Hblkhd, Usmblks, Fsmblks, Uordblks, Fordblks, Keepcost;
        }

        [DllImport("libc.so.6", EntryPoint = "mallinfo2", CallingConvention = CallingConvention.Cdecl)]
        private static extern MallInfo2 mallinfo2();

        /// <summary>Bytes malloc has handed out and not taken back (all arenas), or -1 without glibc 2.33+.</summary>
        private static long NativeHeapInUse()
        {
            try
            {
                MallInfo2 m = mallinfo2();
                return (long)m.Uordblks.ToUInt64() + (long)m.Hblkhd.ToUInt64();
            }
            catch (DllNotFoundException)
            {
                return -1;
            }
            catch (EntryPointNotFoundException)
            {
                return -1;
            }
        }

        private static long Resident()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            GC.Collect();
            const string status = "/proc/self/status";
            if (File.Exists(status))
            {
                foreach (string line in File.ReadAllLines(status))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        string[] parts = line.Substring(6).Trim().Split(' ');
                        return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024; // kB
                    }
                }
            }
            using (Process p = Process.GetCurrentProcess())
            {
                p.Refresh();
                return p.WorkingSet64;
            }
        }
    }
}
