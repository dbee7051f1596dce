package xlsx

import (
	"reflect"
	"testing"
)

// TestPaginate lays rows of given heights out on pages and checks where
// the writer forces a page break so that the last form rows, the optional
// rows and the signature blocks print on one page.
func TestPaginate(t *testing.T) {
	rows := func(n int, h float64) []float64 {
		out := make([]float64, n+1)
		for i := 1; i <= n; i++ {
			out[i] = h
		}
		return out
	}
	tall := rows(40, 20) // 20 pt rows: 36 per page
	for r := 35; r <= 37; r++ {
		tall[r] = 128 // three signature rows
	}
	tests := []struct {
		name    string
		heights []float64
		title   [2]int
		keep    keep
		want    []int
	}{
		{"fits as it is", rows(20, 20), [2]int{}, keep{from: 15, alt: 17, to: 20}, nil},
		{"last rows move with the blocks", tall, [2]int{}, keep{from: 30, alt: 34, to: 37}, []int{30}},
		{"title rows count on the new page", tall, [2]int{1, 2}, keep{from: 30, alt: 34, to: 37}, []int{30}},
		{"too tall together: the last optional row goes with the blocks", func() []float64 {
			h := rows(40, 60)
			for r := 10; r <= 33; r++ {
				h[r] = 30
			}
			h[34], h[35], h[36], h[37] = 20, 128, 128, 128
			return h
		}(), [2]int{}, keep{from: 10, alt: 34, to: 37}, []int{34}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sheet{keeps: []keep{tt.keep}, titleFirst: tt.title[0], titleLast: tt.title[1]}
			if got := s.paginate(tt.heights); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("breaks before rows %v, want %v", got, tt.want)
			}
		})
	}
}
