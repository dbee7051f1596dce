package forms

import (
	"sort"
	"strings"
	"unicode"
)

// ItemMatch pairs an item of one edition with the item of another edition
// that has the same place in the form: the same requirement, worded the
// same or reworded.
type ItemMatch struct {
	// Item is the item being matched, Match the item found for it (nil
	// when none).
	Item  Item
	Match *Item
	// Similarity is how alike the two wordings are, from 0 to 1; 1 when
	// they are the same after spacing, half-width punctuation and the
	// final 。 are set aside.
	Similarity float64
	// Section is the id of the section that holds Item, MatchSection that
	// of Match.
	Section, MatchSection string
}

// Same reports whether the item was matched with an item worded the same.
func (m *ItemMatch) Same() bool { return m.Match != nil && m.Similarity == 1 }

// Changed reports whether the item was matched with an item worded
// differently.
func (m *ItemMatch) Changed() bool { return m.Match != nil && m.Similarity < 1 }

// Matching thresholds: two items match when their wordings are at least
// matchText similar, counting matchFactBonus when the same fact decides
// both and matchPlaceBonus when they carry the same number; rows left over
// match the row of the same number when their wordings are at least
// matchFloor similar.
const (
	matchText       = 0.6
	matchFactBonus  = 0.25
	matchPlaceBonus = 0.1
	matchFloor      = 0.2
)

// MatchEditions matches every answerable row of edition to with a row of
// edition from. Sections are paired by id, then by kind in form order, so
// the college-level item 坚持全心全意服务同学… never matches the school-level
// item of the same wording. Each row of from is matched at most once, the
// most similar pairs first. The result is in the form order of to.
func MatchEditions(to, from *Edition) []ItemMatch {
	var out []ItemMatch
	for si := range to.Sections {
		ts := &to.Sections[si]
		fs := pairedSection(to, si, from)
		rows := ts.Answerable()
		matches := make([]ItemMatch, len(rows))
		for i, it := range rows {
			matches[i] = ItemMatch{Item: it, Section: ts.ID}
		}
		if fs != nil {
			matchRows(matches, fs)
		}
		out = append(out, matches...)
	}
	return out
}

// MatchItems matches items (of one section, such as a proposed edition's)
// with the rows of section sec, as MatchEditions does.
func MatchItems(items []Item, sectionID string, sec *Section) []ItemMatch {
	matches := make([]ItemMatch, len(items))
	for i, it := range items {
		matches[i] = ItemMatch{Item: it, Section: sectionID}
	}
	if sec != nil {
		matchRows(matches, sec)
	}
	return matches
}

// pairedSection returns the section of from that corresponds to section si
// of to: the one with the same id and kind, else the n-th section of the
// same kind where si is the n-th of its kind in to.
func pairedSection(to *Edition, si int, from *Edition) *Section {
	ts := &to.Sections[si]
	if fs := from.Section(ts.ID); fs != nil && fs.Kind == ts.Kind {
		return fs
	}
	nth := 0
	for i := 0; i < si; i++ {
		if to.Sections[i].Kind == ts.Kind {
			nth++
		}
	}
	for i := range from.Sections {
		if from.Sections[i].Kind != ts.Kind {
			continue
		}
		if nth == 0 {
			return &from.Sections[i]
		}
		nth--
	}
	return nil
}

// PairedSection is pairedSection for callers outside the package: the
// section of from that corresponds to the section with id sectionID of to,
// or nil.
func PairedSection(to *Edition, sectionID string, from *Edition) *Section {
	for i := range to.Sections {
		if to.Sections[i].ID == sectionID {
			return pairedSection(to, i, from)
		}
	}
	return nil
}

func matchRows(matches []ItemMatch, sec *Section) {
	rows := sec.Answerable()
	type pair struct {
		i, j       int
		score, sim float64
	}
	var pairs []pair
	for i := range matches {
		a := &matches[i].Item
		for j := range rows {
			b := &rows[j]
			sim := TextSimilarity(a.Text, b.Text)
			score := sim
			if a.Fact != FactNone && a.Fact == b.Fact {
				score += matchFactBonus
			}
			if a.Number != "" && a.Number == b.Number {
				score += matchPlaceBonus
			}
			if score >= matchText && sim >= matchFloor {
				pairs = append(pairs, pair{i, j, score, sim})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool {
		if pairs[x].sim != pairs[y].sim && (pairs[x].sim == 1 || pairs[y].sim == 1) {
			return pairs[x].sim == 1
		}
		return pairs[x].score > pairs[y].score
	})
	usedTo := make([]bool, len(matches))
	usedFrom := make([]bool, len(rows))
	for _, p := range pairs {
		if usedTo[p.i] || usedFrom[p.j] {
			continue
		}
		usedTo[p.i], usedFrom[p.j] = true, true
		m := rows[p.j]
		matches[p.i].Match = &m
		matches[p.i].Similarity = p.sim
		matches[p.i].MatchSection = sec.ID
	}
	// A row left over keeps its place: the row of the same number, also
	// left over, matches when the wordings still share something (item 6
	// of 2023 rewords the titles item without changing what it decides).
	for i := range matches {
		if usedTo[i] || matches[i].Item.Number == "" {
			continue
		}
		for j := range rows {
			if usedFrom[j] || rows[j].Number != matches[i].Item.Number {
				continue
			}
			if sim := TextSimilarity(matches[i].Item.Text, rows[j].Text); sim >= matchFloor {
				usedTo[i], usedFrom[j] = true, true
				m := rows[j]
				matches[i].Match, matches[i].Similarity, matches[i].MatchSection = &m, sim, sec.ID
			}
			break
		}
	}
}

// NormalizeItemText reduces an item's wording to what matters when two
// wordings are compared: no spaces, full-width punctuation, no final 。.
func NormalizeItemText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if w, ok := fullWidth[r]; ok {
			r = w
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), "。.")
}

var fullWidth = map[rune]rune{',': '，', '(': '（', ')': '）', ';': '；', ':': '：', '?': '？', '!': '！',
	'"': '”', '“': '“', '”': '”'}

// TextSimilarity is how alike two wordings are, from 0 to 1: the Dice
// coefficient of their character pairs after NormalizeItemText, and 1
// exactly when the normalised wordings are equal.
func TextSimilarity(a, b string) float64 {
	a, b = NormalizeItemText(a), NormalizeItemText(b)
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || len(rb) < 2 {
		return 0
	}
	grams := map[[2]rune]int{}
	for i := 0; i+1 < len(ra); i++ {
		grams[[2]rune{ra[i], ra[i+1]}]++
	}
	common := 0
	for i := 0; i+1 < len(rb); i++ {
		g := [2]rune{rb[i], rb[i+1]}
		if grams[g] > 0 {
			grams[g]--
			common++
		}
	}
	sim := 2 * float64(common) / float64(len(ra)-1+len(rb)-1)
	if sim >= 1 {
		sim = 0.999 // equal pairs but different texts (repeats): not the same
	}
	return sim
}

// DiffSegment is one run of a wording comparison: text both wordings share,
// or text only the new (Added) or only the old (Removed) wording has.
type DiffSegment struct {
	Text    string
	Added   bool
	Removed bool
}

// TextDiff compares an old and a new wording character by character (a
// longest common subsequence) and returns the runs in reading order, the
// removed run of a change before the added one.
func TextDiff(old, new string) []DiffSegment {
	a, b := []rune(old), []rune(new)
	// Texts of the forms are a few hundred characters; guard the table.
	if len(a)*len(b) > 4_000_000 {
		return []DiffSegment{{Text: old, Removed: true}, {Text: new, Added: true}}
	}
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffSegment
	add := func(r rune, added, removed bool) {
		if n := len(out); n > 0 && out[n-1].Added == added && out[n-1].Removed == removed {
			out[n-1].Text += string(r)
			return
		}
		out = append(out, DiffSegment{Text: string(r), Added: added, Removed: removed})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add(a[i], false, false)
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] > lcs[i+1][j]):
			add(b[j], true, false)
			j++
		default:
			add(a[i], false, true)
			i++
		}
	}
	return out
}
