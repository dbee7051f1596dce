//go:build !linux

package wizard

// releasePages does nothing here: see fontpages_linux.go.
func releasePages([]byte) {}
