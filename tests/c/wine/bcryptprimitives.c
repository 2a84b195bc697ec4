/*
 * TEST-ONLY shim for running govit.dll under Debian's Wine 8, never shipped.
 *
 * Rust's std (1.78+) draws its random seeds from ProcessPrng in bcryptprimitives.dll,
 * which Windows 8 / Server 2012 and later have and Wine 8 lacks (Wine 9 has it). This DLL,
 * placed beside the test programs, provides that one function over RtlGenRandom
 * (advapi32's SystemFunction036), which Wine does have. tests/c/Makefile builds it for
 * each Windows target; docs/platforms.md says so.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000u ? 0x10000000u : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
