// Child-process body of LoadingTests: load the native library, say from where, use it.
// Exit 0: loaded; 3: GovitLibraryNotFoundException (its message printed); 4: anything else.

using System;

namespace Govit.Probe
{
    public static class LoadProbe
    {
        public static int Main()
        {
            try
            {
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
    }
}
