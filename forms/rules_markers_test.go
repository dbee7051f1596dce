package forms

import (
	"io/fs"
	"strings"
	"testing"

	"sureform/assets"
)

// vMarkedEdition is the 2021 edition with item 3 (the staff limit) marked.
func vMarkedEdition(t *testing.T, marker string) *Edition {
	t.Helper()
	data, err := fs.ReadFile(assets.Editions, "editions/2021.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "  id = \"3\"\n  number = \"3\"\n", "  id = \"3\"\n  number = \"3\"\n  marker = \""+marker+"\"\n", 1)
	ed, err := ParseEdition("marked.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if it, _, _ := ed.Item("3"); it.Marker != marker {
		t.Fatalf("item 3 marker %q", it.Marker)
	}
	return ed
}

// A 未达标 on a core item (★) is listed as core; on an unmarked item it
// is not.
func TestCoreUnmet(t *testing.T) {
	for _, tc := range []struct {
		marker string
		core   bool
	}{{MarkerCore, true}, {"", false}} {
		ed := vMarkedEdition(t, tc.marker)
		f := vCleanFiling(t, "2021")
		vGrowTo(f, 41)
		f.Answers["3"] = Answer{Met: BoolPtr(false), Note: "实有41人"}
		r := Validate(f, ed)
		unmet := r.Of(SeverityUnmet)
		if len(unmet) != 1 || unmet[0].Core != tc.core || strings.HasPrefix(unmet[0].Message, CoreNote) != tc.core {
			t.Errorf("marker %q: unmet %+v", tc.marker, unmet)
		}
		if want := map[bool]int{true: 1}[tc.core]; r.CoreUnmet != want || r.Errors != 0 {
			t.Errorf("marker %q: %d core unmet, %d errors", tc.marker, r.CoreUnmet, r.Errors)
		}
	}
}

// A finding on an observed item (▲, 暂不作硬性要求) is never an error:
// the staff limit exceeded and the 达标 answer it contradicts both become
// 提示 that say why; the same filing without ▲ fails.
func TestObservedItemNeverAnError(t *testing.T) {
	f := vCleanFiling(t, "2021")
	vGrowTo(f, 41)
	f.Answers["3"] = Answer{Met: BoolPtr(true)}
	plain := Validate(f, vMarkedEdition(t, ""))
	if plain.Errors != 2 {
		t.Fatalf("unmarked: %d errors, want 2: %v", plain.Errors, plain.Of(SeverityError))
	}
	r := Validate(f, vMarkedEdition(t, MarkerObserved))
	if r.Errors != 0 || r.Fails() {
		t.Errorf("observed item: errors %v", r.Of(SeverityError))
	}
	n := 0
	for _, fd := range r.ForItem("3") {
		if fd.Severity == SeverityWarning && strings.HasSuffix(fd.Message, ObservedNote) {
			n++
		}
	}
	if n != 2 || r.Warnings != plain.Warnings+2 {
		t.Errorf("%d observed 提示 on item 3 (warnings %d, unmarked %d)", n, r.Warnings, plain.Warnings)
	}
}
