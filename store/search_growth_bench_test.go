//go:build unix

package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
)

// growthSizes are the archive sizes of the growth table. 100,000 is the search benchmark's archive;
// the others are made the same way (demo.Fill, seed 1, today 2025-11-25) into the same cache dir.
// 1,000,000 takes about 15 GB and, at the import's speed here, well over half an hour: it is built
// only when WERKBANK_BENCH_1M=1 is set, and otherwise reported as missing.
var growthSizes = []int{10_000, 100_000, 1_000_000}

func growthArchive(b *testing.B, n int) *store.Store {
	b.Helper()
	dir, err := demo.CacheDir()
	if err != nil {
		b.Skipf("geen cachemap: %v", err)
	}
	path := filepath.Join(dir, fmt.Sprintf("archive-%d.db", n))
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		switch {
		case testing.Short():
			b.Skipf("%s ontbreekt; -short bouwt hem niet", path)
		case n >= 1_000_000 && os.Getenv("WERKBANK_BENCH_1M") != "1":
			b.Skipf("%s ontbreekt: bouw hem met WERKBANK_BENCH_1M=1 (ongeveer 15 GB, ruim een half uur)", path)
		}
		makeArchiveN(b, dir, path, n)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func makeArchiveN(b *testing.B, dir, path string, n int) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Skipf("kan %s niet maken: %v", dir, err)
	}
	need := uint64(n) * 16 << 10 // about 15 KB a document with its index, and room to spare
	if free := freeBytes(dir); free > 0 && free < need {
		b.Skipf("te weinig ruimte in %s: %d MB vrij, %d MB nodig", dir, free>>20, need>>20)
	}
	start := time.Now()
	tmp := path + ".tmp"
	os.Remove(tmp)
	s, err := store.Open(tmp, store.Options{Now: func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		b.Fatal(err)
	}
	_, err = demo.Fill(context.Background(), s, demo.Options{Seed: 1, Documents: n, Today: model.NewDate(2025, 11, 25)})
	s.Close()
	if err != nil {
		os.Remove(tmp)
		b.Skipf("archief van %d maken lukte niet: %v", n, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("archief van %d documenten gemaakt in %s", n, time.Since(start).Round(time.Second))
}

// BenchmarkSearchGrowth reports search p50/p95 per archive size for common and rare terms (the Archief's
// query: 50 hits with snippets, count, relevance).
func BenchmarkSearchGrowth(b *testing.B) {
	for _, n := range growthSizes {
		for _, class := range benchClasses[:2] {
			b.Run(fmt.Sprintf("%d/%s", n, class.name), func(b *testing.B) {
				s := growthArchive(b, n)
				ctx := context.Background()
				body, err := s.ActiveBody(ctx)
				if err != nil {
					b.Fatal(err)
				}
				opt := model.SearchOptions{BodyID: body.ID, Limit: 50}
				for _, q := range class.queries {
					if _, err := s.SearchText(ctx, q, opt); err != nil {
						b.Fatal(err)
					}
				}
				var times []time.Duration
				i := 0
				for b.Loop() {
					q := class.queries[i%len(class.queries)]
					i++
					t0 := time.Now()
					if _, err := s.SearchText(ctx, q, opt); err != nil {
						b.Fatal(err)
					}
					times = append(times, time.Since(t0))
				}
				reportPercentiles(b, times)
			})
		}
	}
}

func freeBytes(dir string) uint64 {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		return 0
	}
	return fs.Bavail * uint64(fs.Bsize)
}
