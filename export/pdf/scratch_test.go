package pdf

import (
	"os"
	"testing"
)

func TestScratchWrite(t *testing.T) {
	for _, n := range exampleNames {
		f, ed := example(t, n)
		res, err := func() (Result, error) {
			out, err := os.Create("/tmp/pdfexp/" + n + ".pdf")
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			return Render(out, f, ed, Options{Created: fixedTime})
		}()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages, %d warnings", n, res.Pages, len(res.Warnings))
	}
}
