package initlog

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

// hold restarts holding back, as init does, with out as the original
// output, and restores the logger when the test ends.
func hold(t *testing.T, out *bytes.Buffer) {
	t.Helper()
	saved := log.Writer()
	t.Cleanup(func() { log.SetOutput(saved) })
	mu.Lock()
	original = out
	held = &heldWriter{}
	log.SetOutput(held)
	mu.Unlock()
}

func TestReleaseWritesHeldMessagesFirst(t *testing.T) {
	var out bytes.Buffer
	hold(t, &out)
	log.Print("during init")
	if out.Len() != 0 {
		t.Fatalf("written before Release: %q", out.String())
	}
	Release()
	log.Print("after")
	Release() // a second call changes nothing
	got := out.String()
	first, second := strings.Index(got, "during init\n"), strings.Index(got, "after\n")
	if first < 0 || second < first {
		t.Errorf("output = %q, want the held message, then the later one", got)
	}
}

func TestDiscardDropsHeldMessagesOnly(t *testing.T) {
	var out bytes.Buffer
	hold(t, &out)
	log.Print("Fyne error:  Error parsing user locale C")
	Discard()
	log.Print("after")
	Release() // too late to bring back what was discarded
	if got := out.String(); strings.Contains(got, "locale") || !strings.Contains(got, "after\n") {
		t.Errorf("output = %q, want only the message logged after Discard", got)
	}
}
