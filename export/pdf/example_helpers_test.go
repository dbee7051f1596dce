package pdf

import (
	"path"
	"testing"
	"time"

	"sureform/assets"
	"sureform/forms"
)

// fixedTime is the creation date of the reports the tests compare.
var fixedTime = time.Date(2021, 11, 30, 9, 0, 0, 0, time.UTC)

// example loads one of the bundled example filings and its edition.
func example(t testing.TB, name string) (*forms.Filing, *forms.Edition) {
	t.Helper()
	data, err := assets.Examples.ReadFile(path.Join("examples", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := forms.Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := eds.Get(f.Edition)
	if err != nil {
		t.Fatal(err)
	}
	return f, ed
}

var exampleNames = []string{"yangquan-2021.json", "changji-2020.json", "lanzhou-2020.json"}
