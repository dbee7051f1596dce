//go:build !((linux || freebsd || openbsd || netbsd || dragonfly) && !android && !wayland)

package main

// noDisplay returns "": Windows and macOS always have a display for a
// desktop app, and a Wayland build finds its own.
func noDisplay() string { return "" }
