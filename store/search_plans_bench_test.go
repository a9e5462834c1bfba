//go:build unix

package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// BenchmarkSearchPlans runs the filter and date queries of BenchmarkSearch with the fast plans and
// with the plain queries they stand in for, alternately, so that a loaded machine slows both alike,
// and logs the median of each (with -v).
func BenchmarkSearchPlans(b *testing.B) {
	s, body := benchArchive(b)
	ctx := context.Background()
	var queries []string
	for _, c := range benchClasses {
		if c.name == "filters" || c.name == "common" {
			queries = append(queries, c.queries...)
		}
	}
	// A type in a year that leaves very few documents.
	queries = append(queries, "werkdruk type:agenda jaar:2023", "reorganisatie type:rapport van:01-10-2025 tot:31-10-2025")
	type key struct {
		q      string
		byDate bool
	}
	times := map[key][2][]time.Duration{}
	for b.Loop() {
		for _, byDate := range []bool{false, true} {
			opt := model.SearchOptions{BodyID: body, Limit: 50, SortByDate: byDate}
			for _, q := range queries {
				for plan, on := range []bool{true, false} {
					restore := store.SetFastPlans(on)
					t0 := time.Now()
					_, err := s.SearchText(ctx, q, opt)
					d := time.Since(t0)
					restore()
					if err != nil {
						b.Fatal(err)
					}
					k := key{q, byDate}
					ts := times[k]
					ts[plan] = append(ts[plan], d)
					times[k] = ts
				}
			}
		}
	}
	for _, byDate := range []bool{false, true} {
		for _, q := range queries {
			ts := times[key{q, byDate}]
			b.Logf("date=%-5v %-42s fast %8v plain %8v", byDate, q, median(ts[0]), median(ts[1]))
		}
	}
}

func median(ts []time.Duration) time.Duration {
	if len(ts) == 0 {
		return 0
	}
	ts = slices.Clone(ts)
	slices.Sort(ts)
	return ts[len(ts)/2].Round(100 * time.Microsecond)
}
