package wizard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenExportedSaysWhyItCannot(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "昌吉 自评表.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	noProgram := errors.New("exit status 3")
	for _, tc := range []struct {
		name   string
		path   string
		folder bool
		fail   error
		// want is in the dialog; "" when none must appear
		want []string
	}{
		{"a file opens", pdf, false, nil, nil},
		{"its folder opens", dir, true, nil, nil},
		{"no program opens the file", pdf, false, noProgram, []string{"无法打开文件“昌吉 自评表.pdf”", "没有能打开它的程序", "WPS", pdf}},
		{"no program opens the folder", dir, true, noProgram, []string{"无法打开文件夹", "没有能打开它的程序", dir}},
		{"the file is gone", filepath.Join(dir, "已删除.xlsx"), false, nil, []string{"无法打开文件“已删除.xlsx”", "已不存在", "重新导出"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newTestWindow(t, allBackends())
			var opened []string
			w.openSystem = func(p string) error { opened = append(opened, p); return tc.fail }
			w.openExported(tc.path, tc.folder)
			msg := overlayText(w)
			if tc.want == nil {
				if msg != "" || len(opened) != 1 || opened[0] != tc.path {
					t.Fatalf("opened %q, dialog %q", opened, msg)
				}
				return
			}
			for _, s := range tc.want {
				if !strings.Contains(msg, s) {
					t.Errorf("dialog %q lacks %q", msg, s)
				}
			}
		})
	}
}
