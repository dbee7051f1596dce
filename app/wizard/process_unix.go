//go:build !windows

package wizard

import (
	"errors"
	"syscall"
)

// processRunning reports whether a process with the id is running (a
// sureform whose recovery file must not be offered to another).
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
