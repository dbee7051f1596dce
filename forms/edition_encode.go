package forms

import (
	"fmt"
	"strings"
)

// EncodeEdition writes an edition as a TOML definition file in the layout
// of the shipped ones (assets/editions), so that a proposed edition can be
// read, corrected by hand and loaded with ParseEdition. comment, when not
// empty, heads the file as # lines.
func EncodeEdition(e *Edition, comment string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		if comment != "" {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	if comment != "" {
		b.WriteString("\n")
	}
	kv := func(indent, key, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s%s = %s\n", indent, key, tomlString(value))
		}
	}
	list := func(indent, key string, values []string) {
		if len(values) == 0 {
			return
		}
		q := make([]string, len(values))
		for i, v := range values {
			q[i] = tomlString(v)
		}
		fmt.Fprintf(&b, "%s%s = [%s]\n", indent, key, strings.Join(q, ", "))
	}
	kv("", "id", e.ID)
	kv("", "name", e.Name)
	kv("", "title", e.Title)
	if e.Year != 0 {
		fmt.Fprintf(&b, "year = %d\n", e.Year)
	}
	kv("", "academic_year", e.AcademicYear)
	list("", "org_types", e.OrgTypes)
	list("", "header_fields", e.HeaderFields)
	kv("", "congress_rule", e.CongressRule)
	kv("", "congress_since", e.CongressSince)
	fmt.Fprintf(&b, "satisfaction = %v\n", e.Satisfaction)
	list("", "optional_rows", e.OptionalRows)
	kv("", "legend", e.Legend)
	if l := e.LimitSettings; !l.empty() {
		b.WriteString("\n[limits]\n")
		for _, c := range l.counts() {
			if c.v != nil {
				fmt.Fprintf(&b, "%s = %d\n", c.key, *c.v)
			}
		}
		list("", "titles", l.Titles)
	}
	for _, s := range e.Signatures {
		b.WriteString("\n[[signatures]]\n")
		kv("", "title", s.Title)
		kv("", "kind", s.Kind)
	}
	var item func(indent, table string, it Item)
	item = func(indent, table string, it Item) {
		fmt.Fprintf(&b, "\n%s[[%s]]\n", indent, table)
		kv(indent, "id", it.ID)
		kv(indent, "number", it.Number)
		kv(indent, "text", it.Text)
		kv(indent, "marker", it.Marker)
		kv(indent, "note", it.Note)
		kv(indent, "fact", it.Fact)
		if it.Unconfirmed {
			fmt.Fprintf(&b, "%sunconfirmed = true\n", indent)
		}
		for _, p := range it.Parts {
			item(indent+"  ", table+".parts", p)
		}
	}
	for _, s := range e.Sections {
		b.WriteString("\n[[sections]]\n")
		kv("", "id", s.ID)
		fmt.Fprintf(&b, "title = %s\n", tomlString(s.Title))
		kv("", "kind", s.Kind)
		list("", "columns", s.Columns)
		list("", "answers", s.Answers)
		kv("", "matrix_title", s.MatrixTitle)
		list("", "matrix_columns", s.MatrixColumns)
		for _, it := range s.Items {
			item("  ", "sections.items", it)
		}
	}
	return []byte(b.String())
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
