// The P/Invoke side of the binding overhead (issue 9 §4): the same `check` as
// benches/c/check_bench.c, on the same input, the same N, through
// GovitEngine.Check(string, string) (.NET strings in and out).
//
//   dotnet CheckBench.exe <project.json> <N> [options_json]   (or mono)
//
// Warms up (JIT) with 5 x N calls, then times 9 repetitions of N calls and
// prints the median: `dotnet check <ns per call> ns/call`.
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Govit;

public static class CheckBench
{
    const int Reps = 9;

    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: CheckBench <project.json> <N> [options_json]");
            return 2;
        }
        string project = File.ReadAllText(args[0], Encoding.UTF8);
        int n = int.Parse(args[1]);
        string options = args.Length > 2 ? args[2] : null;
        long sink = 0;
        using (var engine = new GovitEngine())
        {
            for (int i = 0; i < 5 * n; i++)
                sink += engine.Check(project, options).Length;
            var t = new double[Reps];
            for (int r = 0; r < Reps; r++)
            {
                var watch = Stopwatch.StartNew();
                for (int i = 0; i < n; i++)
                    sink += engine.Check(project, options).Length;
                t[r] = watch.Elapsed.TotalMilliseconds * 1e6 / n;
            }
            Array.Sort(t);
            Console.WriteLine("dotnet check {0:F0} ns/call", t[Reps / 2]);
        }
        return sink == 42 ? 1 : 0;
    }
}
