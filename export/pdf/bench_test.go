package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"sureform/forms"
)

// syntheticFiling is the Changji example with its roster replaced by n
// generated members spread over six departments and a presidium.
func syntheticFiling(t testing.TB, n int) (*forms.Filing, *forms.Edition) {
	f, ed := example(t, "changji-2020.json")
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣怡梓涵子轩雨萱思博文")
	colleges := []string{"护理分院", "药学与医学技术分院", "机电工程分院", "建筑工程分院", "能源动力工程分院", "经济管理分院", "基础教育分院"}
	depts := []string{"办公室", "学习部", "文体部", "宣传部", "实践部", "权益部"}
	f.Departments = nil
	for _, d := range depts {
		f.Departments = append(f.Departments, forms.Department{Name: d})
	}
	f.Members = make([]forms.Member, n)
	for i := range f.Members {
		m := &f.Members[i]
		m.Name = string(surnames[i%len(surnames)]) + string(given[(i/len(surnames))%len(given)]) + string(given[(i*7+3)%len(given)])
		m.PoliticalStatus = forms.LeagueMember
		m.College = colleges[i%len(colleges)]
		m.Grade = 1 + i%3
		m.Level = forms.LevelUndergraduate
		if m.Grade > 1 {
			m.Rank, m.RankTotal = forms.IntPtr(1+i%20), forms.IntPtr(40+i%30)
		}
		m.Failed = forms.BoolPtr(false)
		m.Experience = []string{"班长", "团支书", "学习委员", "无", "院学生会干事"}[i%5]
		switch {
		case i < 3:
			m.Position, m.Department = forms.PositionVicePresident, forms.PresidiumDepartment
		default:
			m.Position = []string{forms.PositionHead, forms.PositionDeputyHead, forms.PositionStaff, forms.PositionStaff}[i%4]
			m.Department = depts[i%len(depts)]
		}
	}
	return f, ed
}

func benchmarkWrite(b *testing.B, n int) {
	f, ed := syntheticFiling(b, n)
	if n == 40 {
		f, ed = example(b, "changji-2020.json")
	}
	var size, pages int
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		var buf bytes.Buffer
		res, err := Render(&buf, f, ed, Options{Created: fixedTime})
		if err != nil {
			b.Fatal(err)
		}
		size, pages = buf.Len(), res.Pages
	}
	// CPU time per report, which the wall time exceeds on a busy machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(size)/1024, "KB")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkWrite40 writes the Changji example: 40 members, the full texts of
// its disclosure. Target: under 100 ms and 200 KB.
func BenchmarkWrite40(b *testing.B) { benchmarkWrite(b, 40) }

// BenchmarkWriteMembers writes generated rosters of growing size, to show
// that time and size grow linearly.
func BenchmarkWriteMembers(b *testing.B) {
	for _, n := range []int{500, 1000, 2000, 5000} {
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) { benchmarkWrite(b, n) })
	}
}

// TestSyntheticRoster checks the roster of a long filing: the header on
// every page it spans, numbers continuing in order, the chart counts.
func TestSyntheticRoster(t *testing.T) {
	f, ed := syntheticFiling(t, 300)
	for i := range f.Members {
		f.Members[i].Name = fmt.Sprintf("成员%04d", i+1)
	}
	pdf, res := renderFixed(t, f, ed)
	text := pdftotext(t, pdf)
	pages := splitPages(text)
	if len(pages) != res.Pages {
		t.Fatalf("%d pages in the text, %d reported", len(pages), res.Pages)
	}
	next := 1
	for i, p := range pages {
		sq := squeeze(p)
		hasMembers := false
		for {
			name := fmt.Sprintf("成员%04d", next)
			j := indexRune(sq, name)
			if j < 0 {
				break
			}
			hasMembers = true
			sq = sq[j+len(name):]
			next++
		}
		if hasMembers && !containsAll(squeeze(p), "序号", "姓名", "政治面貌", "院系", "年级", "不及格", "工作经历", "职务", "部门") {
			t.Errorf("page %d has roster rows but no header", i+1)
		}
	}
	if next != len(f.Members)+1 {
		t.Errorf("members in order up to %d, want all %d", next-1, len(f.Members))
	}
	all := squeeze(text)
	wants := []string{"主席团3人"}
	for _, d := range f.DepartmentNames() {
		wants = append(wants, fmt.Sprintf("%s%d人", d, len(f.DepartmentMembers(d))))
	}
	for _, want := range wants {
		if !containsAll(all, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
}

func splitPages(text string) []string {
	var out []string
	for _, p := range bytes.Split([]byte(text), []byte("\f")) {
		if len(bytes.TrimSpace(p)) > 0 {
			out = append(out, string(p))
		}
	}
	return out
}

func indexRune(s, sub string) int { return bytes.Index([]byte(s), []byte(sub)) }

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if indexRune(s, sub) < 0 {
			return false
		}
	}
	return true
}
