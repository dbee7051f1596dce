package xlsx

import (
	"fmt"
	"io"
	"testing"

	"sureform/forms"
)

// bigFiling is the 昌吉 example with its roster repeated to n members.
func bigFiling(b *testing.B, n int) (*forms.Filing, *forms.Edition) {
	f, ed := example(b, "changji-2020")
	base := f.Members
	f.Members = make([]forms.Member, n)
	for i := range f.Members {
		f.Members[i] = base[i%len(base)]
		f.Members[i].Name = fmt.Sprintf("%s%d", base[i%len(base)].Name, i)
	}
	return f, ed
}

func benchmarkWrite(b *testing.B, n int) {
	f, ed := bigFiling(b, n)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, f, ed, Options{Time: fixedTime}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite40 exports a filing with the usual 40 members.
func BenchmarkWrite40(b *testing.B) { benchmarkWrite(b, 40) }

// BenchmarkWrite5000 exports a filing with 5,000 members.
func BenchmarkWrite5000(b *testing.B) { benchmarkWrite(b, 5000) }
