package wizard

import "os"

// processRunning reports whether a process with the id is running (a
// sureform whose recovery file must not be offered to another). On Windows
// finding a process opens it, which fails when there is none.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
