/*
 * bcryptprimitives.dll for Wine 8: exports ProcessPrng, the only function Go
 * (1.24 and later) takes from that DLL, for its random numbers at start-up.
 *
 * Why it exists: Debian's Wine 8 ships no ProcessPrng, so a Go program
 * stops before main under it. Real Windows (10 and later) has the DLL in
 * system32; this shim is only for running sureform.exe under Wine in CI
 * (scripts/check-windows-exe.sh copies it into the Wine prefix's
 * drive_c/windows/system32, the one place Go loads the DLL from).
 *
 * It fills the buffer with advapi32's SystemFunction036 (RtlGenRandom),
 * which Wine implements with the host's random source.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *       processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng fills buf with len random bytes; like Windows' it always
 * succeeds (returns TRUE) or does not return. RtlGenRandom takes a 32-bit
 * length, so a larger request is filled in pieces. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE buf, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(buf, n))
			ExitProcess(1);
		buf += n;
		len -= n;
	}
	return TRUE;
}
