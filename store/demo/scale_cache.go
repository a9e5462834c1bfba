package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// BenchToday and BenchSeed fix the cached benchmark databases, so figures compare between runs and
// `werkbank demo --schaal groot --vandaag 2025-11-25` builds the same database.
var BenchToday = model.NewDate(2025, 11, 25)

const BenchSeed = 1

// CacheDir is where the benchmarks keep their generated databases.
func CacheDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cache, "werkbank-bench"), nil
}

// LargePath is the cached large database, whether or not it exists yet; WERKBANK_BENCH_LARGE names
// another file (for example one made with werkbank demo --schaal groot).
func LargePath() (string, error) {
	if p := os.Getenv("WERKBANK_BENCH_LARGE"); p != "" {
		return p, nil
	}
	dir, err := CacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "large.db"), nil
}

// EnsureLarge returns the cached large database, building it once when build is set. It does not start
// from the search benchmark's archive-100000.db: a cached file keeps the schema it was made with, and
// a migration edited since then would make the copy differ from what the binary makes.
func EnsureLarge(ctx context.Context, build bool, logf func(string, ...any)) (string, error) {
	path, err := LargePath()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if !build {
		return "", fmt.Errorf("%s ontbreekt: draai de benchmark eenmaal zonder -short, of werkbank --db %s demo --schaal groot --vandaag %s",
			path, path, BenchToday)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	start := time.Now()
	tmp := path + ".tmp"
	os.Remove(tmp)
	now := func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }
	logf("grote database bouwen in %s (eenmalig, enkele minuten)", path)
	s, err := store.Open(tmp, store.Options{Now: now})
	if err != nil {
		return "", err
	}
	_, err = FillScale(ctx, s, Options{Seed: BenchSeed, Today: BenchToday}, Large)
	s.Close()
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", err
	}
	logf("grote database klaar in %s", time.Since(start).Round(time.Second))
	return path, nil
}
