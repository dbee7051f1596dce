package fsmessage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestMessages(t *testing.T) {
	_, missing := os.Open(filepath.Join(t.TempDir(), "无.json"))
	path := func(err error) error { return &fs.PathError{Op: "open", Path: "/x/填报.json", Err: err} }
	tests := []struct {
		name        string
		err         error
		read, write string
	}{
		{"missing", missing, "文件不存在", "文件夹不存在"},
		{"permission", path(fs.ErrPermission), "没有读取权限", "没有写入权限"},
		{"disk full", path(syscall.ENOSPC), "系统错误（", "磁盘空间不足"},
		{"read-only", path(syscall.EROFS), "系统错误（", "磁盘或文件夹是只读的"},
		{"folder", path(ErrIsDir), "这是一个文件夹，不是文件", "这是一个文件夹，不是文件"},
		{"link loop", path(ErrLinkLoop), "符号链接层数过多", "符号链接层数过多"},
		{"name too long", path(syscall.ENAMETOOLONG), "文件名太长", "文件名太长"},
		{"a writer's own message", fmt.Errorf("名单第3行：%w", errors.New("无法编码")), "名单第3行：无法编码", "名单第3行：无法编码"},
	}
	for _, tt := range tests {
		if got := Read(tt.err); !strings.HasPrefix(got, tt.read) {
			t.Errorf("%s: Read = %q, want %q…", tt.name, got, tt.read)
		}
		if got := Write(tt.err); !strings.HasPrefix(got, tt.write) {
			t.Errorf("%s: Write = %q, want %q…", tt.name, got, tt.write)
		}
		if strings.Contains(Read(tt.err), "/x/") {
			t.Errorf("%s: the message repeats the path", tt.name)
		}
	}
}
