package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// marked renders text with its Highlight spans in brackets, to compare readably.
func marked(text string, terms []string) string {
	var b strings.Builder
	at := 0
	for _, s := range Highlight(text, terms) {
		b.WriteString(text[at:s.Start] + "[" + text[s.Start:s.End] + "]")
		at = s.End
	}
	return b.String() + text[at:]
}

func TestHighlight(t *testing.T) {
	for _, tt := range []struct {
		text  string
		terms []string
		want  string
	}{
		{"De vergaderingen van maart", []string{"vergadering"}, "De [vergaderingen] van maart"},
		{"Alle IDEEËN en ideeën", []string{"ideeen"}, "Alle [IDEEËN] en [ideeën]"},
		{"ide\u0308een", []string{"ideeen"}, "[ide\u0308een]"},
		{"De reorganisatie, reorganiseren", []string{"reorg*"}, "De [reorganisatie], [reorganiseren]"},
		{"Het sociaal  plan; een plan sociaal", []string{"sociaal plan"}, "Het [sociaal  plan]; een plan sociaal"},
		{"Het sociaal plan", []string{"sociaal pl*"}, "Het [sociaal plan]"},
		{"sociaal plan", []string{"sociaal plan", "plan"}, "[sociaal plan]"},
		{"Nieuwe arbeidstijden", []string{"Arbeidstijd"}, "Nieuwe [arbeidstijden]"},
		{"niets hier", []string{"vergadering"}, "niets hier"},
		{"leeg", nil, "leeg"},
		{"leeg", []string{"", "*", "🙂"}, "leeg"},
	} {
		if got := marked(tt.text, tt.terms); got != tt.want {
			t.Errorf("Highlight(%q, %q) marks %q, want %q", tt.text, tt.terms, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := "Geachte heer De Vries, in de vergadering van 4 april hebben wij uw adviesaanvraag over de " +
		"reorganisatie besproken. De arbeidstijden van de medewerkers blijven gelijk. Met vriendelijke groet."
	for _, tt := range []struct {
		text  string
		terms []string
		width int
		want  string
	}{
		{"Korte tekst over ideeën.", []string{"ideeen"}, 40, "Korte tekst over »ideeën«."},
		{"Regel een\n\n\tregel  twee", nil, 40, "Regel een regel twee"},
		{long, nil, 30, "Geachte heer De Vries, in de…"},
		{long, []string{"arbeidstijd"}, 40, "…De »arbeidstijden« van de medewerkers…"},
		{long, []string{"vergadering"}, 40, "…in de »vergadering« van 4 april hebben…"},
		{long, []string{"reorganisatie", "arbeidstijd"}, 60, "…over de »reorganisatie« besproken. De »arbeidstijden« van…"},
		{"»ideeën«", []string{"ideeen"}, 3, "…"},
		{"x", []string{"x"}, 1, "…"},
		{"", []string{"x"}, 10, ""},
		{"abc", nil, 0, ""},
	} {
		got := Snippet(tt.text, tt.terms, tt.width)
		if got != tt.want {
			t.Errorf("Snippet(%.30q, %q, %d) =\n  %q\nwant\n  %q", tt.text, tt.terms, tt.width, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("Snippet(%.30q, %q, %d) has %d runes", tt.text, tt.terms, tt.width, n)
		}
	}
}
