package export

import (
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// sampleDoc uses every block type, Dutch characters and XML and Markdown special characters.
func sampleDoc() Doc {
	return Doc{
		Title:    "Besluitenlijst OR-vergadering",
		Subtitle: "Café de Ëik, 14 april 2025",
		Author:   "Ambtelijk secretaris",
		Blocks: []Block{
			Heading{Level: 1, Text: "Opening & mededelingen"},
			Paragraph{Text: "De voorzitter opent om 9:00 de vergadering. Kosten: € 1.250 voor de cursus \"ideeën\" <intern>."},
			Paragraph{Text: "Utrecht, 14 april 2025", Align: AlignRight},
			Paragraph{Text: "Vastgesteld", Bold: true},
			Heading{Level: 2, Text: "Besluiten"},
			List{Items: []string{"Advies over reorganisatie één", "Instemming met het naïeve reglement"}},
			List{Numbered: true, Items: []string{"Eerste punt", "Tweede punt"}},
			Heading{Level: 3, Text: "Acties"},
			Table{Header: []string{"Nr", "Actie", "Wie"}, Rows: [][]string{
				{"1", "Notulen rondsturen; daarna archiveren", "Anouk"},
				{"2", "Brief aan bestuurder \"Zoë\"", "Piet & Ïda"},
			}},
			KeyValues{Pairs: []KeyValue{{"Datum", "14 april 2025"}, {"Kenmerk", "OR-2025-014"}}},
			Spacer{},
			Signatures{Signers: []Signer{{"J. de Vries", "voorzitter"}, {"A. Bakker", "secretaris"}}},
			PageBreak{},
			Paragraph{Text: "Slotwoord na de pagina-einde."},
		},
	}
}

func sampleLetter() Letter {
	return Letter{
		Sender:         []string{"Ondernemingsraad Acme B.V.", "Postbus 12", "3500 AA Utrecht"},
		Addressee:      []string{"De heer P. Jansen", "Algemeen directeur", "Acme B.V."},
		Place:          "Utrecht",
		Date:           model.NewDate(2025, 4, 14),
		Subject:        "advies ex artikel 25 lid 1 sub e WOR over de reorganisatie",
		Reference:      "OR-2025-014",
		TheirReference: "DIR/2025/77",
		Salutation:     "Geachte heer Jansen,",
		Body: []Block{
			Paragraph{Text: "Op 3 maart 2025 ontvingen wij uw adviesaanvraag."},
			List{Items: []string{"de gevolgen voor het personeel", "de financiële onderbouwing"}},
		},
		OnBehalfOf: "namens de ondernemingsraad",
		Signers:    []Signer{{"J. de Vries", "voorzitter"}, {"A. Bakker", "secretaris"}},
		Enclosures: []string{"Advies", "Bijlage met cijfers"},
		Cc:         []string{"Personeelsvertegenwoordiging"},
	}
}

// longDoc needs several PDF pages.
func longDoc() Doc {
	d := Doc{Title: "Jaarverslag"}
	var rows [][]string
	for i := range 120 {
		d.Blocks = append(d.Blocks, Paragraph{Text: strings.Repeat("Dit is een lange alinea over het jaar. ", 8) + string(rune('a'+i%26))})
		rows = append(rows, []string{"Rij", strings.Repeat("cel met tekst ", 3+i%5)})
	}
	d.Blocks = append(d.Blocks, Table{Header: []string{"Kop", "Inhoud"}, Rows: rows})
	return d
}

// inOrder fails unless every want occurs in s, each after the previous.
func inOrder(t *testing.T, s string, want ...string) {
	t.Helper()
	rest := s
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			if strings.Contains(s, w) {
				t.Errorf("%q appears out of order", w)
			} else {
				t.Errorf("%q missing", w)
			}
			continue
		}
		rest = rest[i+len(w):]
	}
}
