// Package docdate gives the date that exports stamp into a document (a
// PDF's creation date, a workbook's document properties): now, or the time
// in the SOURCE_DATE_EPOCH environment variable when it is set, the usual
// convention for reproducible output (reproducible-builds.org). CI sets it
// to check that the Windows and Linux programs write identical files.
package docdate

import (
	"os"
	"strconv"
	"time"
)

// Now returns the time given by SOURCE_DATE_EPOCH (whole seconds since
// 1970-01-01 UTC) in UTC when the variable holds such a number, and the
// current time otherwise.
func Now() time.Time {
	if t, ok := fromEpoch(os.Getenv("SOURCE_DATE_EPOCH")); ok {
		return t
	}
	return time.Now()
}

// fromEpoch parses a SOURCE_DATE_EPOCH value; it is not ok for an empty,
// malformed or negative value, which the convention says to ignore.
func fromEpoch(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}
