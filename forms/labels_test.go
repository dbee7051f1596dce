package forms

import (
	"reflect"
	"strings"
	"testing"
)

func TestFieldLabels(t *testing.T) {
	tests := []struct{ path, label, place string }{
		{"school", "学校名称", "学校名称"},
		{"members[3].rank", "学习成绩综合排名", "名单第4人“学习成绩综合排名”"},
		{"members[0]", "", "名单第1人"},
		{"congress.non_cadre_delegates", "非校、院级学生会组织骨干代表人数", "非校、院级学生会组织骨干代表人数"},
		{"college_unions[2].items[c3]", "符合标准情况", "符合标准情况"},
		{"answers[3.1]", "", "自评表第3.1项"},
		{"texts.problems", "问题不足", "问题不足"},
		{"guidance.secretary_general.full_time", "秘书长是否为专职团干部", "秘书长是否为专职团干部"},
		{"no.such.field", "", ""},
	}
	for _, tc := range tests {
		if got := FieldLabel(tc.path); got != tc.label {
			t.Errorf("FieldLabel(%q) = %q, want %q", tc.path, got, tc.label)
		}
		if got := PathLabel(tc.path); got != tc.place {
			t.Errorf("PathLabel(%q) = %q, want %q", tc.path, got, tc.place)
		}
	}
}

// TestEveryFieldHasALabel walks the project file's JSON names so that a
// field added to the model without a Chinese label fails here.
func TestEveryFieldHasALabel(t *testing.T) {
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			if typ.Kind() == reflect.Slice {
				prefix += "[]"
			}
			typ = typ.Elem()
		}
		if typ.Kind() == reflect.Map {
			prefix += "[]"
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == reflect.TypeOf(Date{}) {
			return
		}
		for i := 0; i < typ.NumField(); i++ {
			sf := typ.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" || name == "schema_version" {
				continue
			}
			path := name
			if prefix != "" {
				path = prefix + "." + name
			}
			if FieldLabel(path) == "" {
				t.Errorf("field %s has no Chinese label", path)
			}
			walk(path, sf.Type)
		}
	}
	walk("", reflect.TypeOf(Filing{}))
}
