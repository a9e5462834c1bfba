//go:build unix

package e2e

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// largeDB is the large council's database the store benchmarks build once (demo.EnsureLarge; tui must
// not import store, so the path is spelled out here).
func largeDB(b *testing.B) string {
	cache, err := os.UserCacheDir()
	if err != nil {
		b.Skipf("geen cachemap: %v", err)
	}
	path := filepath.Join(cache, "werkbank-bench", "large.db")
	if p := os.Getenv("WERKBANK_BENCH_LARGE"); p != "" {
		path = p
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		b.Skipf("%s ontbreekt: bouw hem eenmaal met go test ./store/demo -run XXX -bench BuildLarge -benchtime 1x", path)
	}
	return path
}

// BenchmarkStartup times the real binary from process start to the first frame of Overzicht with its
// data, on the large database, in a pseudo-terminal (target: at most 150 ms). One HOME is shared by the
// runs, so only the first makes the day's backup (in the background, as always).
func BenchmarkStartup(b *testing.B) {
	db := largeDB(b)
	bin := Build(b, werkbankPkg)
	home := b.TempDir()
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		term := Start(b, bin, Options{Home: home}, "--db", db)
		term.WaitForText("Volgende vergaderingen")
		times = append(times, time.Since(t0))
		term.SendKeys("q")
		if code := term.WaitExit(DefaultTimeout); code != 0 {
			b.Fatalf("exit code %d\n%s", code, term.Stderr())
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
}
