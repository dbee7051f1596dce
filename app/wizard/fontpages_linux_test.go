package wizard

import (
	"crypto/sha256"
	"os"
	"strconv"
	"strings"
	"testing"

	"sureform/assets"
)

// residentBytes is the process's resident memory (/proc/self/statm).
func residentBytes(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip(err)
	}
	pages, err := strconv.Atoi(strings.Fields(string(b))[1])
	if err != nil {
		t.Fatal(err)
	}
	return pages * os.Getpagesize()
}

func TestReleasePages(t *testing.T) {
	font := assets.FontRegular
	sum := sha256.Sum256(font) // reads every page
	before := residentBytes(t)
	releasePages(font)
	after := residentBytes(t)
	if before-after < len(font)/2 {
		t.Errorf("resident memory went from %d to %d bytes; want the font's %d bytes mostly released", before, after, len(font))
	}
	if sha256.Sum256(font) != sum {
		t.Fatal("the font's bytes changed after releasing its pages")
	}
}
