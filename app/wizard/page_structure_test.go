package wizard

import (
	"strings"
	"testing"
)

// TestStructureStepWithDepartments opens 组织架构 for the example with six
// departments: each department's head count is shown beside it.
func TestStructureStepWithDepartments(t *testing.T) {
	w := newTestWindow(t, allBackends())
	w.OpenExample("yangquan-2021.json")
	if !w.ShowStepByTitle("组织架构") {
		t.Fatal("no 组织架构 step")
	}
	p := w.pages[stepStructure].(*structurePage)
	if len(p.depts.Objects) != len(w.doc.filing.Departments) || len(p.depts.Objects) == 0 {
		t.Fatalf("%d department rows for %d departments", len(p.depts.Objects), len(w.doc.filing.Departments))
	}
	if got := departmentCountLabel(p.depts.Objects[0]).Text; !strings.HasSuffix(got, " 人") {
		t.Errorf("first department's count = %q, want “N 人”", got)
	}
}
