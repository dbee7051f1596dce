package docdate

import (
	"testing"
	"time"
)

func TestFromEpoch(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"1764633600", time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC), true},
		{"0", time.Unix(0, 0).UTC(), true},
		{"", time.Time{}, false},
		{"-1", time.Time{}, false},
		{"1764633600.5", time.Time{}, false},
		{"2025-12-02", time.Time{}, false},
		{" 1764633600", time.Time{}, false},
	} {
		got, ok := fromEpoch(tc.in)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("fromEpoch(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNowHonoursSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1764633600")
	if got, want := Now(), time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Now() = %v, want %v in UTC", got, want)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	before := time.Now()
	if got := Now(); got.Before(before) || got.After(time.Now()) {
		t.Errorf("Now() without SOURCE_DATE_EPOCH = %v, want the current time", got)
	}
}
