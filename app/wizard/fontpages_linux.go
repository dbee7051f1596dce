package wizard

import (
	"os"
	"syscall"
	"unsafe"
)

// releasePages tells the kernel that the memory pages wholly inside b are
// not needed for now. b is the bundled font, embedded in the executable and
// mapped from its file: pruning reads nearly all of its 15 MB, which would
// otherwise stay counted in the process's resident memory. The pages are
// read back from the file when the font is pruned again. b must not have
// been written to.
func releasePages(b []byte) {
	page := os.Getpagesize()
	if len(b) < 2*page {
		return
	}
	addr := int(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	lo := (page - addr%page) % page
	hi := lo + (len(b)-lo)/page*page
	_ = syscall.Madvise(b[lo:hi], syscall.MADV_DONTNEED) // advice only; nothing to do if refused
}
