package forms

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"sureform/assets"
)

// exampleFiles lists the example filings with the facts of their seeds.
var exampleFiles = []struct {
	file, school, edition string
	members               int
}{
	{"yangquan-2021.json", "阳泉职业技术学院", "2021", 28},
	{"changji-2020.json", "昌吉职业技术学院", "2020", 40},
	{"lanzhou-2020.json", "兰州科技职业学院", "2020", 40},
}

func loadExample(t testing.TB, name string) *Filing {
	t.Helper()
	data, err := fs.ReadFile(assets.Examples, "examples/"+name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

func TestExamplesRoundTrip(t *testing.T) {
	eds := builtin(t)
	for _, ex := range exampleFiles {
		t.Run(ex.file, func(t *testing.T) {
			f := loadExample(t, ex.file)
			if f.School != ex.school || f.Edition != ex.edition || len(f.Members) != ex.members {
				t.Fatalf("got %s %s %d members", f.School, f.Edition, len(f.Members))
			}
			ed, err := eds.Get(f.Edition)
			if err != nil {
				t.Fatal(err)
			}
			for id := range f.Answers {
				if _, _, ok := ed.Item(id); !ok {
					t.Errorf("answer to unknown item %q", id)
				}
			}
			path := filepath.Join(t.TempDir(), "f.json")
			if err := Save(path, f); err != nil {
				t.Fatal(err)
			}
			g, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f, g) {
				t.Error("filing changed in a save/load round trip")
			}
			// Saving again gives the same bytes: the format is stable.
			first, _ := os.ReadFile(path)
			if err := Save(path, g); err != nil {
				t.Fatal(err)
			}
			second, _ := os.ReadFile(path)
			if !bytes.Equal(first, second) {
				t.Error("saving a loaded filing changed its bytes")
			}
		})
	}
}

// TestExamplesKeepSeedWarts checks that the examples carry the seeds' data
// as published, including what the validator exists to catch.
func TestExamplesKeepSeedWarts(t *testing.T) {
	y := loadExample(t, "yangquan-2021.json")
	if y.Guidance.SecretaryGeneral.Name != "刘玉洁" || *y.Guidance.SecretaryGeneral.FullTime {
		t.Error("阳泉: secretary-general 刘玉洁 is published as not full-time")
	}
	if y.Members[16].Name != "刘矞哲" || y.Members[0].RankTotal != nil {
		t.Error("阳泉: ranks are bare numbers without major size")
	}
	c := loadExample(t, "changji-2020.json")
	names := map[string]Member{}
	for _, m := range c.Members {
		names[m.Name] = m
	}
	if m, ok := names["冉嫒"]; !ok || m.Grade != 0 || m.GradeText != "纪检委员" {
		t.Errorf("昌吉: 冉嫒's grade is published as 纪检委员: %+v", m)
	}
	if _, ok := names["阿米娜姆·萨吾提"]; !ok {
		t.Error("昌吉: 阿米娜姆·萨吾提 missing")
	}
	if !c.Congress.Planned || c.Answers["9"].Met == nil || *c.Answers["9"].Met {
		t.Error("昌吉: congress only planned, item 9 answered 未达标")
	}
	l := loadExample(t, "lanzhou-2020.json")
	if *l.Congress.NonCadreDelegates != 43 || *l.Congress.StatedNonCadrePercent != 60 {
		t.Error("兰州: 43 non-cadre delegates stated as 60%")
	}
}

func TestSaveIsOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX permissions")
	}
	path := filepath.Join(t.TempDir(), "f.json")
	if err := Save(path, loadExample(t, "lanzhou-2020.json")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
}

func TestSaveIntoMissingFolder(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "no", "such", "f.json"), &Filing{Edition: "2021"})
	if err == nil || !strings.Contains(err.Error(), "无法保存") {
		t.Errorf("error = %v", err)
	}
}

func TestMigrateV1(t *testing.T) {
	v1 := `{
  "schema_version": 1,
  "edition": "2020",
  "school": "示例学院",
  "org_type": "学生会",
  "filing_date": "2020-11-20",
  "members": [
    {"name": "张三", "political_status": "共青团员", "college": "机电系", "grade": 2, "level": "本专科", "rank": "3/45", "failed": false, "position": "部长", "department": "学习部"},
    {"name": "李四", "political_status": "共青团员", "college": "机电系", "grade": 2, "level": "本专科", "rank": "20", "failed": false, "position": "干事", "department": "学习部"},
    {"name": "王五", "political_status": "共青团员", "college": "机电系", "grade": 1, "level": "本专科", "rank": "", "failed": null, "position": "干事", "department": "学习部"}
  ],
  "answers": {"1": {"answer": "达标"}, "9": {"answer": "未达标", "note": "召开日期为：拟定"}, "16": {"answer": ""}}
}`
	f, err := Decode([]byte(v1))
	if err != nil {
		t.Fatal(err)
	}
	if f.SchemaVersion != CurrentSchema {
		t.Errorf("schema %d after migration", f.SchemaVersion)
	}
	m := f.Members
	if *m[0].Rank != 3 || *m[0].RankTotal != 45 || *m[1].Rank != 20 || m[1].RankTotal != nil || m[2].Rank != nil {
		t.Errorf("ranks not migrated: %+v", m)
	}
	if !*f.Answers["1"].Met || *f.Answers["9"].Met || f.Answers["9"].Note != "召开日期为：拟定" || f.Answers["16"].Met != nil {
		t.Errorf("answers not migrated: %+v", f.Answers)
	}
	bad := strings.Replace(v1, `"answer": "达标"`, `"answer": "也许"`, 1)
	if _, err := Decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), "也许") {
		t.Errorf("bad v1 answer error = %v", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	good, err := Encode(loadExample(t, "changji-2020.json"))
	if err != nil {
		t.Fatal(err)
	}
	current := fmt.Sprintf(`"schema_version": %d`, CurrentSchema)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "空"},
		{"not json", []byte("PK\x03\x04 this is a zip"), "格式错误"},
		{"truncated", good[:len(good)/2], "第"},
		{"newer", bytes.Replace(good, []byte(current), []byte(fmt.Sprintf(`"schema_version": %d`, CurrentSchema+1)), 1), "较新版本"},
		{"no version", bytes.Replace(good, []byte(current+","), nil, 1), "schema_version"},
		{"zero version", bytes.Replace(good, []byte(current), []byte(`"schema_version": 0`), 1), "无效"},
		{"wrong type", bytes.Replace(good, []byte(`"school": "昌吉职业技术学院"`), []byte(`"school": 7`), 1), "字段“学校名称”的值类型不对"},
		{"unknown field", bytes.Replace(good, []byte(`"school":`), []byte(`"schoool": "x", "school":`), 1), "schoool"},
		{"no edition", bytes.Replace(good, []byte(`"edition": "2020"`), []byte(`"edition": ""`), 1), "edition"},
		{"bad date", bytes.Replace(good, []byte(`"filing_date": "2020-11-20"`), []byte(`"filing_date": "20/11/2020"`), 1), "年-月-日"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Decode(tc.data)
			if err == nil || f != nil {
				t.Fatalf("accepted: %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q should contain %q", err, tc.want)
			}
		})
	}
	_, err = Decode(bytes.Replace(good, []byte(current), []byte(`"schema_version": 99`), 1))
	if !errors.Is(err, ErrNewerSchema) {
		t.Errorf("newer schema error should wrap ErrNewerSchema: %v", err)
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.json")
	if _, err := Load(missing); err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing file error = %v", err)
	}
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("{\n  \"schema_version\": 2,\n  \"edition\": \n"), 0o600)
	if _, err := Load(broken); err == nil || !strings.Contains(err.Error(), broken) {
		t.Errorf("broken file error = %v", err)
	}
}

func TestNewFiling(t *testing.T) {
	ed, _ := builtin(t).Get("2021")
	f := NewFiling(ed, "某某学院", "", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if f.OrgType != OrgStudentUnion || f.AcademicYear != "2025—2026学年" || f.FilingDate.String() != "2026-03-01" {
		t.Errorf("new filing: %+v", f)
	}
	if got := AcademicYearOf(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)); got != "2026—2027学年" {
		t.Errorf("academic year from September = %s", got)
	}
}

func FuzzDecode(f *testing.F) {
	for _, ex := range exampleFiles {
		data, _ := fs.ReadFile(assets.Examples, "examples/"+ex.file)
		f.Add(data)
	}
	f.Add([]byte(`{"schema_version":1,"edition":"2020","members":[{"rank":"3/"}],"answers":{"1":{"answer":"是"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := Decode(data)
		if err != nil {
			if fl != nil {
				t.Fatal("filing returned with an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FileError: %v", err)
			}
			return
		}
		out, err := Encode(fl)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Decode(out)
		if err != nil {
			t.Fatalf("re-decoding an encoded filing: %v", err)
		}
		if !reflect.DeepEqual(fl, again) {
			t.Fatal("encode/decode round trip changed the filing")
		}
	})
}
