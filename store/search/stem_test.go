package search

import (
	"strings"
	"sync"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"vergadering":       "vergadering",
		"Ideeën":            "ideeen",
		"ide\u0308een":      "ideeen",
		"CAFÉ Crème":        "cafe creme",
		"ĳsbeer":            "ijsbeer",
		"ofﬁcieel":          "officieel",
		"Ĳssel":             "ijssel",
		"İstanbul":          "istanbul",
		"Zoë's café, 12:30": "zoe's cafe, 12:30",
		"bad\xffutf8":       "badutf8",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStemText(t *testing.T) {
	for in, want := range map[string]string{
		"":                                   "",
		"  ,, ":                              "",
		"De vergaderingen over ideeën":       "de vergader over ideeen",
		"Arbeidstijden; arbeidstijd.":        "arbeidstijd arbeidstijd",
		"art. 25 WOR, 2024-05-01":            "art 25 wor 2024 05 01",
		"e-mail":                             "e mail",
		"IDEEËN":                             "ideeen",
		"ondernemingsraad ondernemingsraden": "ondernemingsrad ondernemingsrad",
		strings.Repeat("a", 100):             strings.Repeat("a", 100),
	} {
		if got := StemText(in); got != want {
			t.Errorf("StemText(%q) = %q, want %q", in, got, want)
		}
	}
}

// A word must stem the same way on its own (the query side) as inside a text (the index side).
func TestStemWordMatchesStemText(t *testing.T) {
	for _, w := range words(dutchSample) {
		if got, want := stemWord(w), StemText(w); got != want {
			t.Errorf("stemWord(%q) = %q, StemText = %q", w, got, want)
		}
	}
}

// Importers may stem in parallel; the shared cache must hold (run with -race).
func TestStemTextConcurrent(t *testing.T) {
	want := StemText(dutchSample)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				stems.Lock()
				clear(stems.m)
				stems.Unlock()
				if got := StemText(dutchSample); got != want {
					t.Errorf("concurrent StemText differs")
					return
				}
			}
		})
	}
	wg.Wait()
}
