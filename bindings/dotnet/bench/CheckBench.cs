// The P/Invoke side of the binding overhead (issue 9 §4): the same `check` as
// benches/c/check_bench.c, on the same input, the same N, through
// GovitEngine.Check(string, string) (.NET strings in and out).
//
//   dotnet CheckBench.exe <project.json> <N> [options_json]   (or mono)
//
// Warms up with 5 x N calls and for at least a second, then times 9 repetitions
// of N calls and prints the median: `dotnet check <ns per call> ns/call`. The
// second is for a server's steady state: CoreCLR runs its class library's
// precompiled (ReadyToRun) code, whose UTF-8 transcoding has no SIMD paths, until
// its tiering recompiles the hot methods, after about a quarter of a second here;
// before that, encoding the 12 KB record and decoding the result took 5x longer.
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
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 5 * n || warm.ElapsedMilliseconds < 1000; i++)
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
