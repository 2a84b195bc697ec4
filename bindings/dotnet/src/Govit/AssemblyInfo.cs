using System;
using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Govit")]
[assembly: AssemblyDescription(".NET binding (P/Invoke) of govit, the rules kernel for the Qufu measures for government IT projects")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: CLSCompliant(true)]
// The tests read result documents with the binding's internal JSON reader.
[assembly: InternalsVisibleTo("Govit.Tests")]
[assembly: InternalsVisibleTo("GovitLoadProbe")]
