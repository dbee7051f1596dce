//go:build (linux || freebsd || openbsd || netbsd || dragonfly) && !android && !wayland

package main

import (
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// noDisplay says, when the desktop app cannot open a window because there
// is no X display to draw on (a server, an SSH session, a container), why
// in one Chinese line; it returns "" when a display is there. GLFW would
// otherwise panic with an English stack trace.
func noDisplay() string {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return "sureform：没有找到图形显示（未设置 DISPLAY），无法打开窗口。没有图形界面时请使用命令行，例如 sureform validate 填报.json；sureform help 列出全部命令"
	}
	if !displayReachable(display) {
		return "sureform：无法连接图形显示 " + display + "，无法打开窗口。没有图形界面时请使用命令行，例如 sureform validate 填报.json；sureform help 列出全部命令"
	}
	return ""
}

// displayReachable reports whether the X server that DISPLAY names
// ([host]:number[.screen]) accepts connections. A DISPLAY it cannot parse
// is given the benefit of the doubt.
func displayReachable(display string) bool {
	i := strings.LastIndexByte(display, ':')
	if i < 0 {
		return true
	}
	host, num := display[:i], display[i+1:]
	if dot := strings.IndexByte(num, '.'); dot >= 0 {
		num = num[:dot]
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return true
	}
	dial := func(network, addr string) bool {
		c, err := net.DialTimeout(network, addr, 2*time.Second)
		if err != nil {
			return false
		}
		c.Close()
		return true
	}
	switch {
	case host == "" || host == "unix":
		socket := "/tmp/.X11-unix/X" + num
		return dial("unix", socket) || dial("unix", "@"+socket)
	case strings.HasPrefix(host, "/"): // a socket path (XQuartz)
		return true
	}
	return dial("tcp", net.JoinHostPort(host, strconv.Itoa(6000+n)))
}
