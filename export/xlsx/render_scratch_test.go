package xlsx

import (
	"os"
	"testing"
	"time"

	"sureform/forms"
)

func TestScratchRender(t *testing.T) {
	dir := os.Getenv("XL_OUT")
	if dir == "" {
		t.Skip()
	}
	eds, err := forms.BuiltinEditions()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"changji-2020", "lanzhou-2020", "yangquan-2021"} {
		f, err := forms.Load("../../assets/examples/" + n + ".json")
		if err != nil {
			t.Fatal(err)
		}
		ed, _ := eds.Get(f.Edition)
		if err := WriteFile(dir+"/"+n+".xlsx", f, ed, Options{Time: time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
}
