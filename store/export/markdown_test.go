package export

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	got := string(Markdown(sampleDoc()))
	want := `# Besluitenlijst OR-vergadering

*Café de Ëik, 14 april 2025*

## Opening & mededelingen

De voorzitter opent om 9:00 de vergadering. Kosten: € 1.250 voor de cursus "ideeën" \<intern>.

Utrecht, 14 april 2025

**Vastgesteld**

### Besluiten

- Advies over reorganisatie één
- Instemming met het naïeve reglement

1. Eerste punt
2. Tweede punt

#### Acties

| Nr | Actie | Wie |
| --- | --- | --- |
| 1 | Notulen rondsturen; daarna archiveren | Anouk |
| 2 | Brief aan bestuurder "Zoë" | Piet & Ïda |

Datum: 14 april 2025\
Kenmerk: OR-2025-014

J. de Vries\
voorzitter

A. Bakker\
secretaris

---

Slotwoord na de pagina-einde.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	d := Doc{HideTitle: true, Title: "verborgen", Blocks: []Block{
		Heading{Level: 1, Text: "Punt *1* [concept]"},
		Paragraph{Text: "# geen kop\n1. geen lijst\n- ook niet\nsnake_case `code`"},
		Table{Rows: [][]string{{"a|b", "regel\nnieuw"}}},
	}}
	got := string(Markdown(d))
	want := "# Punt \\*1\\* \\[concept\\]\n\n" +
		"\\# geen kop\\\n1\\. geen lijst\\\n\\- ook niet\\\nsnake\\_case \\`code\\`\n\n" +
		"|  |  |\n| --- | --- |\n| a\\|b | regel nieuw |\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if strings.Contains(got, "verborgen") {
		t.Error("hidden title printed")
	}
}

func TestPlainText(t *testing.T) {
	got := string(PlainText(sampleLetter().Doc()))
	for _, want := range []string{
		"Ondernemingsraad Acme B.V.\nPostbus 12\n3500 AA Utrecht\n\nDe heer P. Jansen\n",
		"\n" + strings.Repeat(" ", 50) + "Utrecht, 14 april 2025\n",
		"Betreft:     advies ex artikel 25 lid 1 sub e WOR over de reorganisatie\nKenmerk:     OR-2025-014\nUw kenmerk:  DIR/2025/77\n",
		"- de financiële onderbouwing\n",
		"Met vriendelijke groet,\nnamens de ondernemingsraad\n\n\n\nJ. de Vries" + strings.Repeat(" ", 25) + "A. Bakker\nvoorzitter",
		"Bijlagen:  Advies\n           Bijlage met cijfers\nCc:        Personeelsvertegenwoordiging\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, line := range strings.Split(string(PlainText(longDoc())), "\n") {
		if textWidth(line) > textWidthLimit {
			t.Fatalf("line wider than %d: %q", textWidthLimit, line)
		}
	}
}

func TestPlainTextTableShrinks(t *testing.T) {
	long := strings.Repeat("woord ", 30)
	got := string(PlainText(Doc{Blocks: []Block{Table{Header: []string{"Nr", "Omschrijving"}, Rows: [][]string{{"1", long}}}}}))
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) < 4 {
		t.Fatalf("long cell not wrapped:\n%s", got)
	}
	for _, l := range lines {
		if textWidth(l) > textWidthLimit {
			t.Errorf("line too wide: %q", l)
		}
	}
	if !strings.HasPrefix(lines[2], "1 ") {
		t.Errorf("first row starts %q", lines[2])
	}
}
