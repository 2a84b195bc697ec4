using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace Govit.Tests
{
    /// <summary>
    /// Where NativeLoader finds the native library, and what it says when it cannot: each case
    /// in a fresh process of the runtime running the tests (Mono or CoreCLR), in a folder that
    /// holds Govit.dll (the one under test), the probe and only the native files the case puts
    /// there. The Makefile names the native library to copy (GOVIT_TEST_NATIVE) and the probe
    /// (GOVIT_TEST_PROBE).
    /// </summary>
    [TestFixture]
    public class LoadingTests
    {
        private string _dir;

        private static string Required(string name)
        {
            string value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value)) Assert.Fail(name + " is not set (the Makefile sets it)");
            return value;
        }

        private static string Native { get { return Required("GOVIT_TEST_NATIVE"); } }

        [SetUp]
        public void MakeFolder()
        {
            _dir = Path.Combine(Path.GetTempPath(), "govit-load-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
            string probe = Required("GOVIT_TEST_PROBE");
            File.Copy(typeof(GovitEngine).Assembly.Location, Path.Combine(_dir, "Govit.dll"));
            File.Copy(probe, Path.Combine(_dir, Path.GetFileName(probe)));
            string config = Path.ChangeExtension(probe, ".runtimeconfig.json");
            if (File.Exists(config)) File.Copy(config, Path.Combine(_dir, Path.GetFileName(config)));
        }

        [TearDown]
        public void RemoveFolder()
        {
            Directory.Delete(_dir, true);
        }

        private string Put(string relativeFolder)
        {
            string folder = Path.Combine(_dir, relativeFolder);
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, NativeLoader.FileName);
            File.Copy(Native, file);
            return file;
        }

        private int Run(Dictionary<string, string> env, out string output)
        {
            var start = new ProcessStartInfo(Process.GetCurrentProcess().MainModule.FileName,
                "\"" + Path.Combine(_dir, Path.GetFileName(Required("GOVIT_TEST_PROBE"))) + "\"")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = _dir,
            };
            start.EnvironmentVariables.Remove("LD_LIBRARY_PATH");
            start.EnvironmentVariables.Remove(NativeLoader.EnvironmentVariable);
            if (env != null)
            {
                foreach (var kv in env) start.EnvironmentVariables[kv.Key] = kv.Value;
            }
            using (Process p = Process.Start(start))
            {
                string err = p.StandardError.ReadToEndAsync().Result;
                output = p.StandardOutput.ReadToEnd() + err;
                p.WaitForExit();
                Console.WriteLine("loading: " + output.Trim().Replace("\n", " | "));
                return p.ExitCode;
            }
        }

        private static Dictionary<string, string> Env(string value)
        {
            return new Dictionary<string, string> { { NativeLoader.EnvironmentVariable, value } };
        }

        [Test]
        public void NotFoundNamesTheFileTheFoldersAndTheOverride()
        {
            string output;
            Assert.AreEqual(3, Run(null, out output), output);
            StringAssert.Contains("cannot find " + NativeLoader.FileName + " for " + NativeLoader.RuntimeId, output);
            StringAssert.Contains(_dir, output);
            StringAssert.Contains(Path.Combine(_dir, "runtimes", NativeLoader.RuntimeId, "native"), output);
            StringAssert.Contains("GOVIT_LIBRARY_PATH", output);
        }

        [Test]
        public void BesideTheAssembly()
        {
            string file = Put(".");
            string output;
            Assert.AreEqual(0, Run(null, out output), output);
            StringAssert.Contains("source " + Path.GetFullPath(file), output);
            StringAssert.Contains("\"holiday\"", output);
        }

        [Test]
        public void InTheNuGetRuntimesFolder()
        {
            string file = Put(Path.Combine("runtimes", NativeLoader.RuntimeId, "native"));
            string output;
            Assert.AreEqual(0, Run(null, out output), output);
            StringAssert.Contains("source " + file, output);
        }

        [Test]
        public void EnvironmentVariableNamesTheFileAndComesFirst()
        {
            Put(".");
            string file = Put("elsewhere");
            string output;
            Assert.AreEqual(0, Run(Env(file), out output), output);
            StringAssert.Contains("source " + file, output);
        }

        [Test]
        public void EnvironmentVariableMayNameTheFolder()
        {
            string file = Put("elsewhere");
            string output;
            Assert.AreEqual(0, Run(Env(Path.GetDirectoryName(file)), out output), output);
            StringAssert.Contains("source " + file, output);
        }

        [Test]
        public void EnvironmentVariableThatIsWrongIsAnErrorNotAFallback()
        {
            Put(".");
            string missing = Path.Combine(_dir, "nowhere", NativeLoader.FileName);
            string output;
            Assert.AreEqual(3, Run(Env(missing), out output), output);
            StringAssert.Contains("GOVIT_LIBRARY_PATH names " + missing + ", which does not exist", output);
        }

        [Test]
        public void ALibraryThatIsNotOneIsNamed()
        {
            string bogus = Path.Combine(_dir, NativeLoader.FileName);
            File.WriteAllText(bogus, "not a library");
            string output;
            Assert.AreEqual(3, Run(null, out output), output);
            StringAssert.Contains("cannot load " + bogus, output);
            StringAssert.Contains("GOVIT_LIBRARY_PATH", output);
        }
    }
}
