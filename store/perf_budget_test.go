//go:build perf && unix

package store_test

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestPerfBudget checks the performance targets that the benchmarks print, on the cached large council
// (go test ./store -tags perf -run TestPerfBudget). It is not part of go test ./...: timings depend on
// the machine and what else runs on it, so CI never asserts them.
func TestPerfBudget(t *testing.T) {
	s, body := largeStore(t)
	ctx := context.Background()
	for _, sc := range screenLoads(s, body) {
		var times []time.Duration
		for i := 0; i < 60; i++ {
			t0 := time.Now()
			if _, err := sc.load(ctx); err != nil {
				t.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
		if p95 := percentile(times, 0.95); p95 > 10*time.Millisecond {
			t.Errorf("screen %s: data query p95 %v, budget 10ms", sc.name, p95)
		} else {
			t.Logf("screen %s: p95 %v", sc.name, p95)
		}
	}
}

func percentile(ts []time.Duration, p float64) time.Duration {
	ts = slices.Clone(ts)
	slices.Sort(ts)
	return ts[min(int(p*float64(len(ts))), len(ts)-1)]
}
