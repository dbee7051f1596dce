//go:build windows

package main

import (
	"os"
	"syscall"
)

// The packaged Windows program is a GUI-subsystem executable, so that
// double-clicking it opens no console window; the flip side is that, started
// from a command prompt, its standard output and error go nowhere. For a
// subcommand (sureform --version, sureform show …) attach to the console of
// the command prompt that started it, unless the output is redirected to a
// file or pipe already. This runs before main reads os.Stdout and os.Stderr.
func init() {
	if len(os.Args) > 1 {
		attachParentConsole()
	}
}

// attachParentConsole points os.Stdout and os.Stderr, where they lead
// nowhere, at the parent process's console, if it has one.
func attachParentConsole() {
	stdout, _ := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE)
	stderr, _ := syscall.GetStdHandle(syscall.STD_ERROR_HANDLE)
	if usable(stdout) && usable(stderr) {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess & 0xFFFFFFFF); ok == 0 {
		return // started from Explorer or a shortcut: there is no console to write to
	}
	console, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !usable(stdout) {
		os.Stdout = console
	}
	if !usable(stderr) {
		os.Stderr = console
	}
}

func usable(h syscall.Handle) bool { return h != 0 && h != syscall.InvalidHandle }
