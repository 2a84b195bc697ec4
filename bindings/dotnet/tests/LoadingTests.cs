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

        private int Run(Dictionary<string, string> env, out string output, string argument = null)
        {
            var start = new ProcessStartInfo(Process.GetCurrentProcess().MainModule.FileName,
                "\"" + Path.Combine(_dir, Path.GetFileName(Required("GOVIT_TEST_PROBE"))) + "\"" +
                (argument == null ? "" : " " + argument))
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
            File.WriteAllText(bogus, "not a library\n" + new string('#', 4096));
            string output;
            Assert.AreEqual(3, Run(null, out output), output);
            StringAssert.Contains("cannot load " + bogus, output);
            StringAssert.Contains("GOVIT_LIBRARY_PATH", output);
            // The dynamic loader's reason, not Mono's "assembly:<unknown assembly> type:<unknown type>".
            StringAssert.Contains("invalid ELF header", output);
            StringAssert.DoesNotContain("<unknown", output);
        }

        [Test]
        public void EnvironmentVariableNamingAnEmptyFolder()
        {
            Put(".");
            string empty = Path.Combine(_dir, "empty");
            Directory.CreateDirectory(empty);
            string output;
            Assert.AreEqual(3, Run(Env(empty), out output), output);
            StringAssert.Contains("GOVIT_LIBRARY_PATH names " + Path.Combine(empty, NativeLoader.FileName) + ", which does not exist", output);
            StringAssert.Contains("Set it to the native library (" + NativeLoader.FileName + " for " + NativeLoader.RuntimeId + ")", output);
        }

        // A library of ABI 1 from before govit_preview and govit_lifecycle (built here with the C
        // compiler: only the functions of the first release): those calls are GovitException
        // Unsupported naming the function and the file, not EntryPointNotFoundException.
        [Test]
        public void ALibraryOlderThanTheBindingIsNamed()
        {
            string source = Path.Combine(_dir, "old.c");
            File.WriteAllText(source,
                "#include <stdlib.h>\n" +
                "unsigned govit_abi_version(void) { return 1; }\n" +
                "const char *govit_version(void) { return \"0.0.9\"; }\n" +
                "int govit_engine_new(const char *c, void **e, char **err) { (void)c; *e = malloc(8); if (err) *err = 0; return 0; }\n" +
                "void govit_engine_free(void *e) { free(e); }\n" +
                "void govit_string_free(char *s) { free(s); }\n");
            string library = Path.Combine(_dir, NativeLoader.FileName);
            var cc = new ProcessStartInfo("cc", "-shared -fPIC -o \"" + library + "\" \"" + source + "\"")
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            };
            using (Process p = Process.Start(cc))
            {
                string err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.AreEqual(0, p.ExitCode, "cc: " + err);
            }
            string output;
            Assert.AreEqual(5, Run(null, out output, "additions"), output);
            StringAssert.Contains("has no govit_preview: it is older than this binding", output);
            StringAssert.Contains("has no govit_lifecycle", output);
            StringAssert.Contains(library + ", version 0.0.9", output);
            StringAssert.Contains("inner EntryPointNotFoundException", output);
        }
    }
}
