package pdf

import (
	"testing"

	"sureform/forms"
)

// The review report's summary names the 未达标项 on core items (★).
func TestReviewSummaryNamesCoreItems(t *testing.T) {
	for _, tc := range []struct {
		rep  forms.Report
		want string
	}{
		{forms.Report{Errors: 1, Unmet: 2, CoreUnmet: 1, Warnings: 3}, "共 1 个错误，2 个未达标项（其中核心指标 1 个），3 个提示"},
		{forms.Report{Unmet: 2, Warnings: 3}, "共 0 个错误，2 个未达标项，3 个提示"},
	} {
		if got := summary(&tc.rep); got != tc.want {
			t.Errorf("summary = %q, want %q", got, tc.want)
		}
	}
}
