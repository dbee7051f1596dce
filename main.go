// Command sureform prepares a school's 高校学生会（研究生会）深化改革评估备案表.
// Without arguments it opens the desktop app; with a subcommand it works
// headless (see sureform help); with one argument that is not a subcommand
// (double-clicking a filing, 打开方式, dropping a file on the program) it
// opens the desktop app with that file.
package main

import (
	"fmt"
	"os"

	"sureform/app"
	"sureform/app/initlog"
)

func main() {
	args := os.Args[1:]
	if isCommandLine(args) {
		// The command line prints only its own messages, not what the
		// GUI's packages logged while initialising (initlog).
		initlog.Discard()
		os.Exit(run(args, os.Stdout, os.Stderr))
	}
	if msg := noDisplay(); msg != "" {
		initlog.Discard()
		fmt.Fprintln(os.Stderr, msg)
		os.Exit(exitUsage)
	}
	initlog.Release()
	info := readAppInfo()
	app.Run(app.Info{ID: info.ID, Name: info.Name, Version: info.Version, Build: info.Build}, fileArgument(args))
}
