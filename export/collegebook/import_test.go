package collegebook

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"sureform/forms"
	"sureform/forms/college"
	"sureform/forms/roster"
)

// thirtyColleges is a filing of 30 college unions and each union's filled
// workbook with 30 members.
func thirtyColleges(t testing.TB) (*forms.Filing, *forms.Edition, [][]byte) {
	ed := edition(t)
	f := yangquan(t)
	f.CollegeUnions, f.CollegeUnionCount = nil, nil
	var books [][]byte
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("第%02d学院", i+1)
		f.CollegeUnions = append(f.CollegeUnions, forms.CollegeUnion{Name: name, Items: map[string]bool{}})
	}
	for i := range f.CollegeUnions {
		u := &f.CollegeUnions[i]
		books = append(books, filled(t, f, ed, u, goodFill(u.Name, 30)))
	}
	return f, ed, books
}

// BenchmarkImport30Colleges reads 30 filled college workbooks of 30 members
// each, applies them and validates the filing: the whole import of a large
// school.
func BenchmarkImport30Colleges(b *testing.B) {
	f, ed, books := thirtyColleges(b)
	b.ResetTimer()
	for b.Loop() {
		trial := *f
		var previews []*college.Preview
		for i, data := range books {
			p, err := college.Parse(data, college.FileName(f.CollegeUnions[i].Name), &trial, ed)
			if err != nil {
				b.Fatal(err)
			}
			previews = append(previews, p)
		}
		if _, err := college.Apply(&trial, ed, previews, forms.Date{Year: 2021, Month: 11, Day: 1}); err != nil {
			b.Fatal(err)
		}
		forms.Validate(&trial, ed)
	}
}

func TestThirtyColleges(t *testing.T) {
	f, ed, books := thirtyColleges(t)
	var previews []*college.Preview
	for i, data := range books {
		p, err := college.Parse(data, college.FileName(f.CollegeUnions[i].Name), f, ed)
		if err != nil {
			t.Fatal(err)
		}
		if p.Target != i || len(p.Union.Roster) != 30 || p.ErrorCount() != 0 {
			t.Fatalf("workbook %d: target %d, %d members, problems %v", i, p.Target, len(p.Union.Roster), p.Problems)
		}
		previews = append(previews, p)
	}
	if _, err := college.Apply(f, ed, previews, forms.Date{Year: 2021, Month: 11, Day: 1}); err != nil {
		t.Fatal(err)
	}
	if *f.CollegeUnionCount != 30 || f.CollegeItemCounts["c1"] != 30 || f.CollegeItemCounts["c4"] != 30 {
		t.Errorf("count %d, item counts %v", *f.CollegeUnionCount, f.CollegeItemCounts)
	}
}

// FuzzImportCollegeWorkbook feeds damaged college workbooks to both
// whole-workbook importers, the college workbook's and the roster's: each
// must return a preview or a FileError, never panic and never report an
// internal error.
func FuzzImportCollegeWorkbook(fz *testing.F) {
	ed := edition(fz)
	f := yangquan(fz)
	var blank bytes.Buffer
	if err := Write(&blank, f, ed, &f.CollegeUnions[0]); err != nil {
		fz.Fatal(err)
	}
	fz.Add(blank.Bytes())
	fz.Add(filled(fz, f, ed, &f.CollegeUnions[1], goodFill("建筑工程系", 6)))
	fz.Fuzz(func(t *testing.T, data []byte) {
		p, err := college.Parse(data, "二级学生会组织-建筑工程系.xlsx", f, ed)
		if err != nil {
			var fe *roster.FileError
			if !errors.As(err, &fe) || errors.Is(err, roster.ErrInternal) || p != nil {
				t.Fatalf("bad error %v", err)
			}
		} else {
			for _, pr := range p.Problems {
				if pr.Message == "" {
					t.Fatalf("problem without message %+v", pr)
				}
			}
			if p.Target >= len(f.CollegeUnions) {
				t.Fatalf("target %d", p.Target)
			}
		}
		rp, err := roster.Parse(data, "二级学生会组织.xlsx", roster.Options{MaxRows: 500, MaxBytes: 8 << 20})
		if err != nil {
			var fe *roster.FileError
			if !errors.As(err, &fe) || errors.Is(err, roster.ErrInternal) || rp != nil {
				t.Fatalf("roster: bad error %v", err)
			}
		}
	})
}

// BenchmarkValidate30Colleges validates a filing whose 30 college unions
// each carry a 30-member roster, as the GUI does after every edit.
func BenchmarkValidate30Colleges(b *testing.B) {
	f, ed, books := thirtyColleges(b)
	var previews []*college.Preview
	for i, data := range books {
		p, err := college.Parse(data, college.FileName(f.CollegeUnions[i].Name), f, ed)
		if err != nil {
			b.Fatal(err)
		}
		previews = append(previews, p)
	}
	if _, err := college.Apply(f, ed, previews, forms.Date{Year: 2021, Month: 11, Day: 1}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		forms.Validate(f, ed)
	}
}
