package roster

import (
	"errors"
	"reflect"
	"testing"

	"sureform/forms"
)

func previewOf(t *testing.T, rows [][]string) *Preview {
	t.Helper()
	p, err := Parse(csvBytes(t, rows, ','), "名单.csv", Options{AcademicYear: "2024—2025学年"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestApplyMerge(t *testing.T) {
	f := &forms.Filing{Members: []forms.Member{
		{Name: "张三", College: "机电系", Grade: 1, Position: "部长", Department: "文体部"},
		{Name: "赵六", College: "外语系", Position: "干事"},
		{Name: "李四", College: "", Grade: 1},
	}}
	before := append([]forms.Member(nil), f.Members...)
	p := previewOf(t, smallRoster) // 张三 机电系, 李四 医学系, 王五 医学系; no position column
	res, err := p.Apply(f, Merge)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 2 || res.Removed != 0 || len(f.Members) != 4 {
		t.Fatalf("result %+v, members %d", res, len(f.Members))
	}
	if m := f.Members[0]; m.Grade != 2 || m.Position != "部长" || m.Department != "文体部" || *m.Rank != 3 {
		t.Errorf("张三 merged to %+v (position must survive a roster without a position column)", m)
	}
	if m := f.Members[2]; m.College != "医学系" || m.Grade != 3 {
		t.Errorf("李四 (no college before) merged to %+v", m)
	}
	if f.Members[1].Name != "赵六" || f.Members[3].Name != "王五" {
		t.Errorf("order %v", f.Members)
	}
	if c := res.Changes[0]; c.Kind != Updated || c.Index != 0 || c.Row != 2 || c.Before.Grade != 1 || c.After.Grade != 2 {
		t.Errorf("first change %+v", c)
	}
	if err := res.Undo(f); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Members, before) {
		t.Errorf("undo left %+v", f.Members)
	}
}

func TestApplyReplace(t *testing.T) {
	f := &forms.Filing{Members: []forms.Member{{Name: "赵六"}}}
	p := previewOf(t, smallRoster)
	res, err := p.Apply(f, Replace)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || res.Removed != 1 || len(f.Members) != 3 || f.Members[0].Name != "张三" {
		t.Fatalf("result %+v members %+v", res, f.Members)
	}
	f.Members = append(f.Members, forms.Member{Name: "后加的"})
	if err := res.Undo(f); err == nil {
		t.Error("undo after a later edit must refuse")
	}
}

func TestApplyErrorsLeaveFilingUntouched(t *testing.T) {
	f := &forms.Filing{Members: []forms.Member{{Name: "赵六"}}}
	before := append([]forms.Member(nil), f.Members...)
	if _, err := (&Preview{}).Apply(f, Replace); !errors.Is(err, ErrNothingToApply) {
		t.Errorf("empty preview: %v", err)
	}
	if _, err := previewOf(t, smallRoster).Apply(nil, Merge); err == nil {
		t.Error("nil filing accepted")
	}
	if !reflect.DeepEqual(f.Members, before) {
		t.Errorf("filing changed: %+v", f.Members)
	}
}
