// A small reflection-based NUnit runner, used to run Govit.Tests.dll on CoreCLR, where
// Debian's nunit-console 2.6 (a .NET Framework/Mono program) cannot run.
//
// It needs no reference to NUnit: attributes and exceptions are recognised by their full
// type names, so it works with NUnit 2.6 (Debian) and 3.x alike for the subset the govit
// tests use:
//   fixtures:  public non-abstract classes with [TestFixture] or with [Test] methods
//   lifecycle: [TestFixtureSetUp]/[OneTimeSetUp], [SetUp], [TearDown], [TestFixtureTearDown]/[OneTimeTearDown]
//   tests:     public parameterless [Test] methods, run in name order like NUnit 2.6;
//              [Ignore] and [Explicit] are skipped
// Outcome of a test: it returns (or throws NUnit's SuccessException)     -> passed
//                    it throws NUnit's IgnoreException/InconclusiveException -> skipped
//                    it throws anything else, NUnit's AssertionException
//                    included, or uses an unsupported feature                 -> failed
// The last line printed is exactly "N passed, N failed". The exit code is 0 only when
// nothing failed and at least one test passed.
//
// Usage: GovitTestRunner.exe <tests.dll> [name-substring ...]

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace Govit.TestRunner
{
    public static class Program
    {
        private static int _passed, _failed, _skipped;

        public static int Main(string[] args)
        {
            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: GovitTestRunner.exe <tests.dll> [name-substring ...]");
                return 2;
            }
            string[] filters = args.Skip(1).ToArray();
            Assembly assembly = Assembly.LoadFrom(args[0]);
            Console.WriteLine("Runtime: " + RuntimeDescription());
            Console.WriteLine("Tests:   " + assembly.Location);

            var total = Stopwatch.StartNew();
            foreach (Type fixture in assembly.GetExportedTypes()
                         .Where(t => t.IsClass && !t.IsAbstract && IsFixture(t))
                         .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                RunFixture(fixture, filters);
            }
            total.Stop();

            Console.WriteLine();
            if (_skipped > 0) Console.WriteLine(_skipped + " skipped");
            Console.WriteLine("Time: " + total.Elapsed.TotalSeconds.ToString("0.0") + " s");
            Console.WriteLine(_passed + " passed, " + _failed + " failed");
            return _failed == 0 && _passed > 0 ? 0 : 1;
        }

        private static string RuntimeDescription()
        {
            Type mono = Type.GetType("Mono.Runtime");
            if (mono != null)
            {
                MethodInfo display = mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static);
                return "Mono " + (display != null ? display.Invoke(null, null) : Environment.Version.ToString());
            }
            string framework = typeof(object).Assembly.GetCustomAttributes(typeof(AssemblyInformationalVersionAttribute), false)
                .Cast<AssemblyInformationalVersionAttribute>().Select(a => a.InformationalVersion).FirstOrDefault();
            return "CoreCLR " + Environment.Version + (framework != null ? " (" + framework + ")" : "");
        }

        private static bool Has(MemberInfo m, params string[] attributeNames)
        {
            return m.GetCustomAttributes(true).Any(a => attributeNames.Contains(a.GetType().FullName));
        }

        private static bool IsFixture(Type t)
        {
            return Has(t, "NUnit.Framework.TestFixtureAttribute") || TestMethods(t).Any();
        }

        private static IEnumerable<MethodInfo> TestMethods(Type t)
        {
            return t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => Has(m, "NUnit.Framework.TestAttribute", "NUnit.Framework.TestCaseAttribute",
                                   "NUnit.Framework.TestCaseSourceAttribute"))
                .OrderBy(m => m.Name, StringComparer.Ordinal);
        }

        private static MethodInfo[] Lifecycle(Type t, params string[] attributeNames)
        {
            // Base-class methods first, like NUnit.
            return t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => Has(m, attributeNames))
                .OrderBy(m => Depth(m.DeclaringType))
                .ToArray();
        }

        private static int Depth(Type t)
        {
            int d = 0;
            for (; t != null; t = t.BaseType) d++;
            return d;
        }

        private static void RunFixture(Type type, string[] filters)
        {
            List<MethodInfo> tests = TestMethods(type)
                .Where(m => filters.Length == 0 || filters.Any(f => (type.Name + "." + m.Name).IndexOf(f, StringComparison.Ordinal) >= 0))
                .ToList();
            if (tests.Count == 0) return;

            Console.WriteLine();
            Console.WriteLine("[" + type.FullName + "]");
            if (Has(type, "NUnit.Framework.IgnoreAttribute", "NUnit.Framework.ExplicitAttribute"))
            {
                foreach (MethodInfo m in tests) Report(type, m, Outcome.Skipped, "fixture ignored", 0);
                return;
            }

            object instance;
            try
            {
                instance = Activator.CreateInstance(type);
                foreach (MethodInfo m in Lifecycle(type, "NUnit.Framework.TestFixtureSetUpAttribute", "NUnit.Framework.OneTimeSetUpAttribute"))
                    m.Invoke(m.IsStatic ? null : instance, null);
            }
            catch (Exception e)
            {
                foreach (MethodInfo m in tests) Report(type, m, Outcome.Failed, "fixture setup failed: " + Describe(Unwrap(e)), 0);
                return;
            }

            MethodInfo[] setUps = Lifecycle(type, "NUnit.Framework.SetUpAttribute");
            MethodInfo[] tearDowns = Lifecycle(type, "NUnit.Framework.TearDownAttribute");
            foreach (MethodInfo test in tests)
            {
                RunTest(type, instance, test, setUps, tearDowns);
            }

            try
            {
                foreach (MethodInfo m in Lifecycle(type, "NUnit.Framework.TestFixtureTearDownAttribute", "NUnit.Framework.OneTimeTearDownAttribute"))
                    m.Invoke(m.IsStatic ? null : instance, null);
            }
            catch (Exception e)
            {
                _failed++;
                Console.WriteLine("  FAIL (fixture teardown) " + Describe(Unwrap(e)));
            }
            (instance as IDisposable)?.Dispose();
        }

        private enum Outcome { Passed, Failed, Skipped }

        private static void RunTest(Type type, object instance, MethodInfo test, MethodInfo[] setUps, MethodInfo[] tearDowns)
        {
            if (Has(test, "NUnit.Framework.IgnoreAttribute", "NUnit.Framework.ExplicitAttribute"))
            {
                Report(type, test, Outcome.Skipped, "ignored", 0);
                return;
            }
            string unsupported = Unsupported(test);
            if (unsupported != null)
            {
                Report(type, test, Outcome.Failed, "not supported by this runner: " + unsupported, 0);
                return;
            }

            var watch = Stopwatch.StartNew();
            Outcome outcome = Outcome.Passed;
            string detail = null;
            bool setUpDone = false;
            try
            {
                foreach (MethodInfo m in setUps) m.Invoke(m.IsStatic ? null : instance, null);
                setUpDone = true;
                test.Invoke(test.IsStatic ? null : instance, null);
            }
            catch (Exception e)
            {
                Exception inner = Unwrap(e);
                outcome = Classify(inner);
                detail = (setUpDone ? "" : "setup failed: ") + Describe(inner);
            }
            try
            {
                foreach (MethodInfo m in tearDowns) m.Invoke(m.IsStatic ? null : instance, null);
            }
            catch (Exception e)
            {
                if (outcome != Outcome.Failed) detail = "teardown failed: " + Describe(Unwrap(e));
                outcome = Outcome.Failed;
            }
            watch.Stop();
            Report(type, test, outcome, detail, watch.ElapsedMilliseconds);
        }

        private static string Unsupported(MethodInfo test)
        {
            if (test.GetParameters().Length > 0) return "parameterised test";
            if (test.ReturnType != typeof(void)) return "non-void test method";
            foreach (object a in test.GetCustomAttributes(true))
            {
                string n = a.GetType().FullName;
                if (n == "NUnit.Framework.ExpectedExceptionAttribute" || n == "NUnit.Framework.TimeoutAttribute" ||
                    n == "NUnit.Framework.RepeatAttribute" || n == "NUnit.Framework.MaxTimeAttribute")
                    return n;
            }
            return null;
        }

        private static Outcome Classify(Exception e)
        {
            switch (e.GetType().FullName)
            {
                case "NUnit.Framework.SuccessException":
                    return Outcome.Passed;
                case "NUnit.Framework.IgnoreException":
                case "NUnit.Framework.InconclusiveException":
                    return Outcome.Skipped;
                default:
                    return Outcome.Failed; // NUnit.Framework.AssertionException and every other exception
            }
        }

        private static Exception Unwrap(Exception e)
        {
            while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
            return e;
        }

        private static string Describe(Exception e)
        {
            return e.GetType().FullName + ": " + e.Message + Environment.NewLine + e.StackTrace;
        }

        private static void Report(Type type, MethodInfo test, Outcome outcome, string detail, long ms)
        {
            switch (outcome)
            {
                case Outcome.Passed: _passed++; break;
                case Outcome.Failed: _failed++; break;
                default: _skipped++; break;
            }
            string tag = outcome == Outcome.Passed ? "PASS" : outcome == Outcome.Failed ? "FAIL" : "SKIP";
            Console.WriteLine("  " + tag + " " + test.Name + " (" + ms + " ms)");
            if (outcome != Outcome.Passed && detail != null)
            {
                foreach (string line in detail.Split('\n')) Console.WriteLine("       " + line.TrimEnd('\r'));
            }
        }
    }
}
