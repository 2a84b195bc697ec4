using System;
using System.IO;
using NUnit.Framework;

namespace Govit.Tests
{
    /// <summary>Every file of schemas/ is embedded in Govit.dll as Govit.schemas.&lt;file&gt;, byte for byte.</summary>
    [TestFixture]
    public class SchemaTests
    {
        [Test]
        public void TheJsonSchemasAreEmbeddedResources()
        {
            string root = Environment.GetEnvironmentVariable("GOVIT_TEST_ROOT");
            Assert.IsNotNull(root, "GOVIT_TEST_ROOT is not set (the Makefile sets it)");
            string[] schemas = Directory.GetFiles(Path.Combine(root, "schemas"), "*.json");
            Assert.GreaterOrEqual(schemas.Length, 2);
            foreach (string schema in schemas)
            {
                string name = "Govit.schemas." + Path.GetFileName(schema);
                using (Stream s = typeof(GovitEngine).Assembly.GetManifestResourceStream(name))
                {
                    Assert.IsNotNull(s, "no resource " + name);
                    var copy = new MemoryStream();
                    s.CopyTo(copy);
                    CollectionAssert.AreEqual(File.ReadAllBytes(schema), copy.ToArray(), name);
                }
            }
        }
    }
}
