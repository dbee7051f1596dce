// Package initlog holds back what the standard logger prints while the
// program's packages initialise, until main knows whether it runs the
// command line or the desktop app.
//
// Fyne's localisation package reads the system locale when it initialises
// and logs four lines of English ("Fyne error: Error parsing user locale
// C", cause, source line) when the locale is one it cannot parse, such as
// LANG=C.UTF-8 — on every run, before main starts. The command line must
// print only its own Chinese messages, so main discards what was held back
// for a subcommand (Discard) and writes it out for the desktop app
// (Release), where it goes to the same log as Fyne's other messages.
//
// This works because Go initialises packages in import-path order once
// their imports are initialised (the language specification, since Go
// 1.21): this package imports only the log package, and Fyne's
// localisation package waits for text/template, which sorts after
// sureform/app/initlog, so this package's init runs first. TestMain in the
// main package checks it on the built program.
package initlog

import (
	"bytes"
	"io"
	"log"
	"sync"
)

var (
	mu   sync.Mutex
	held *heldWriter
)

// heldWriter keeps what is logged until it is released or discarded.
type heldWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.buf.Write(p)
}

// original is where the standard logger wrote before this package
// redirected it (os.Stderr unless changed).
var original io.Writer

func init() {
	original = log.Writer()
	held = &heldWriter{}
	log.SetOutput(held)
}

// Release writes what was logged during initialisation to the standard
// logger's original output and sends later messages there directly.
func Release() {
	finish(true)
}

// Discard drops what was logged during initialisation and sends later
// messages to the standard logger's original output.
func Discard() {
	finish(false)
}

func finish(keep bool) {
	mu.Lock()
	defer mu.Unlock()
	if held == nil {
		return
	}
	log.SetOutput(original)
	if keep {
		held.mu.Lock()
		// Nowhere is left to report a failed write to the log's output.
		_, _ = original.Write(held.buf.Bytes())
		held.mu.Unlock()
	}
	held = nil
}
