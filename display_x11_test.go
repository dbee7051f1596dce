//go:build (linux || freebsd || openbsd || netbsd || dragonfly) && !android && !wayland

package main

import (
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

func TestNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if msg := noDisplay(); !strings.Contains(msg, "没有找到图形显示") || !strings.Contains(msg, "sureform help") || strings.Contains(msg, "\n") {
		t.Errorf("no DISPLAY: %q", msg)
	}
	t.Setenv("DISPLAY", ":4711")
	if msg := noDisplay(); !strings.Contains(msg, "无法连接图形显示 :4711") {
		t.Errorf("unreachable DISPLAY: %q", msg)
	}
}

func TestDisplayReachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	port := l.Addr().(*net.TCPAddr).Port
	if port <= 6000 {
		t.Skipf("port %d below the X range", port)
	}
	if !displayReachable("127.0.0.1:" + strconv.Itoa(port-6000) + ".0") {
		t.Error("a listening display is not reachable")
	}
	l.Close()
	if displayReachable("127.0.0.1:" + strconv.Itoa(port-6000)) {
		t.Error("a closed display is reachable")
	}
	for _, d := range []string{"weird", "host:x", "/private/tmp/launch/org.xquartz:0"} {
		if !displayReachable(d) {
			t.Errorf("%q: unparsable displays are given the benefit of the doubt", d)
		}
	}
}

// TestStartWithoutDisplay starts the program as a user would, without a
// display: one Chinese line, no panic.
func TestStartWithoutDisplay(t *testing.T) {
	if os.Getenv("SUREFORM_TEST_MAIN") == "1" {
		os.Args = os.Args[:1]
		main()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStartWithoutDisplay$")
	cmd.Env = append(os.Environ(), "SUREFORM_TEST_MAIN=1", "DISPLAY=", "WAYLAND_DISPLAY=",
		// The C locale, for which Fyne logs warnings of its own.
		"LANG=C", "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage {
		t.Fatalf("exit: %v\n%s", err, out)
	}
	text := strings.TrimSpace(string(out))
	if strings.Count(text, "\n") != 0 || !strings.Contains(text, "没有找到图形显示") || strings.Contains(text, "panic") {
		t.Errorf("output %q", text)
	}
}
