package main

import (
	_ "embed"

	"github.com/BurntSushi/toml"
)

// fyneApp is the packaging metadata; the version shown by --version and in
// 关于 comes from here, so there is one place to change it.
//
//go:embed FyneApp.toml
var fyneApp []byte

// appInfo is what the program says about itself.
type appInfo struct {
	ID      string
	Name    string
	Version string
	Build   int
}

func readAppInfo() appInfo {
	var meta struct {
		Details struct {
			ID      string
			Name    string
			Version string
			Build   int
		}
	}
	if _, err := toml.Decode(string(fyneApp), &meta); err != nil {
		panic("FyneApp.toml: " + err.Error()) // embedded at build time; a broken one is a build error caught by the tests
	}
	d := meta.Details
	return appInfo{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build}
}
