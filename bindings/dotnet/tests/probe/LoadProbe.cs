// Child-process body of LoadingTests: load the native library, say from where, use it.
// Exit 0: loaded; 3: GovitLibraryNotFoundException (its message printed); 4: anything else.
// With the argument "additions": call the functions added to ABI 1 after its first release
// (govit_preview, govit_lifecycle); exit 5 when both throw GovitException Unsupported.

using System;

namespace Govit.Probe
{
    public static class LoadProbe
    {
        public static int Main(string[] args)
        {
            try
            {
                if (args.Length > 0 && args[0] == "additions") return Additions();
                using (var engine = new GovitEngine())
                {
                    Console.WriteLine("abi " + GovitEngine.AbiVersion);
                    Console.WriteLine("source " + NativeLoader.Source);
                    Console.WriteLine("day " + engine.DayInfo("2025-10-01"));
                }
                return 0;
            }
            catch (GovitLibraryNotFoundException e)
            {
                Console.WriteLine("not found: " + e.Message);
                return 3;
            }
            catch (Exception e)
            {
                Console.WriteLine("other: " + e);
                return 4;
            }
        }

        private static int Additions()
        {
            int unsupported = 0;
            using (var engine = new GovitEngine())
            {
                Console.WriteLine("source " + NativeLoader.Source);
                foreach (Func<string> call in new Func<string>[]
                         {
                             () => engine.PreviewJson("{}", "{}"),
                             () => engine.LifecycleJson(),
                         })
                {
                    try
                    {
                        Console.WriteLine("result " + call());
                    }
                    catch (GovitException e) when (e.Status == GovitStatus.Unsupported && !(e is GovitLibraryNotFoundException))
                    {
                        Console.WriteLine("unsupported: " + e.Message + " | inner " + (e.InnerException == null ? "none" : e.InnerException.GetType().Name));
                        unsupported++;
                    }
                }
            }
            return unsupported == 2 ? 5 : 0;
        }
    }
}
