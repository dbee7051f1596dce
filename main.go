// Command sureform prepares a school's 高校学生会（研究生会）深化改革评估备案表.
// Without arguments it opens the desktop app; with a subcommand it works
// headless (see sureform help).
package main

import (
	"fmt"
	"os"

	"sureform/app"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(os.Stderr, msg)
		os.Exit(exitUsage)
	}
	info := readAppInfo()
	app.Run(app.Info{ID: info.ID, Name: info.Name, Version: info.Version, Build: info.Build})
}
