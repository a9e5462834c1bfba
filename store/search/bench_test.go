package search

import "testing"

func BenchmarkStemText(b *testing.B) {
	b.SetBytes(int64(len(dutchSample)))
	b.ReportAllocs()
	for b.Loop() {
		StemText(dutchSample)
	}
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(dutchSample)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(dutchSample)
	}
}
