package search

import (
	"strings"
	"testing"
)

func BenchmarkStemText(b *testing.B) {
	b.SetBytes(int64(len(dutchSample)))
	b.ReportAllocs()
	for b.Loop() {
		StemText(dutchSample)
	}
}

// BenchmarkStemTextCold empties the stem cache each time: the first documents of an import.
func BenchmarkStemTextCold(b *testing.B) {
	b.SetBytes(int64(len(dutchSample)))
	b.ReportAllocs()
	for b.Loop() {
		stems.Lock()
		clear(stems.m)
		stems.Unlock()
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

func BenchmarkParse(b *testing.B) {
	for _, in := range []struct{ name, q string }{
		{"typical", `vergadering reorg* -concept "sociaal plan" type:brief-in van:01-01-2024`},
		{"hostile", strings.Repeat(`NEAR("a* OR -b:`, 700)},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(in.q)
			}
		})
	}
}

func BenchmarkSnippet(b *testing.B) {
	terms := Parse("arbeidstijd vergadering").Terms
	b.ReportAllocs()
	for b.Loop() {
		Snippet(dutchSample, terms, 80)
	}
}
