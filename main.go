// Command sureform prepares a school's 高校学生会（研究生会）深化改革评估备案表.
// Without arguments it opens the desktop app; with a subcommand it works
// headless (see sureform help).
package main

import (
	"os"

	"sureform/app"
	"sureform/initlog"
)

func main() {
	if len(os.Args) > 1 {
		// The command line prints only its own messages, not what the
		// GUI's packages logged while initialising (initlog).
		initlog.Discard()
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	initlog.Release()
	info := readAppInfo()
	app.Run(app.Info{ID: info.ID, Name: info.Name, Version: info.Version, Build: info.Build})
}
