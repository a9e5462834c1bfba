package demo

import (
	"context"
	"testing"
)

// BenchmarkBuildLarge builds the cached large database the benchmarks share (once; later runs find it).
func BenchmarkBuildLarge(b *testing.B) {
	if testing.Short() {
		b.Skip("-short: the large database is not built")
	}
	path, err := EnsureLarge(context.Background(), true, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("grote database: %s", path)
	for b.Loop() {
	}
}
