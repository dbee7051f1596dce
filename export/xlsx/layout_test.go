package xlsx

import (
	"slices"
	"testing"
)

func TestPageBreaks(t *testing.T) {
	// 20 rows of 40 pt on a page that holds pageHeightPt at scale 1.
	s := &sheet{widths: []float64{10, 48, 19, 19}}
	rows := 20
	heights := make([]float64, rows+1)
	for r := 1; r <= rows; r++ {
		heights[r] = 40
	}
	scale := min(1, printableWidthPt/(96*colUnitPt+4*excelColPadPt))
	perPage := int(pageHeightPt / scale / 40) // rows that fit on a page (18)
	tests := []struct {
		name   string
		keeps  []span
		titles [2]int
		want   []int
	}{
		{"no blocks", nil, [2]int{}, nil},
		{"block fits", []span{{top: 2, bottom: 4}}, [2]int{}, nil},
		{"block straddles", []span{{top: perPage - 1, bottom: perPage + 1}}, [2]int{}, []int{perPage - 1}},
		{"block starts a page", []span{{top: perPage + 1, bottom: perPage + 2}}, [2]int{}, nil},
		{"block taller than a page", []span{{top: 1, bottom: rows}}, [2]int{}, nil},
		// With row 1 repeated on every page, page 2 holds one row less.
		{"titles", []span{{top: 2*perPage - 1, bottom: 2 * perPage}}, [2]int{1, 1}, []int{2*perPage - 1}},
		{"no titles", []span{{top: 2*perPage - 1, bottom: 2 * perPage}}, [2]int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.keeps, s.titleFirst, s.titleLast = tt.keeps, tt.titles[0], tt.titles[1]
			h := heights
			if tt.name == "titles" || tt.name == "no titles" {
				h = make([]float64, 2*perPage+3)
				for r := range h {
					h[r] = 40
				}
			}
			if got := s.pageBreaks(h); !slices.Equal(got, tt.want) {
				t.Errorf("pageBreaks = %v, want %v", got, tt.want)
			}
		})
	}
}
