// Package assets holds the files sureform embeds in its binary: the form
// editions, the example filings built from published disclosures, the
// bundled Chinese font and the application icon. It exposes plain bytes and
// file systems only, so that every package can use them without a GUI.
package assets

import "embed"

// Editions holds one TOML definition file per form edition, under editions/.
//
//go:embed editions/*.toml
var Editions embed.FS

// Examples holds the example filings, one JSON project file each, under
// examples/.
//
//go:embed examples/*.json
var Examples embed.FS
