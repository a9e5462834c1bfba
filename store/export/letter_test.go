package export

import (
	"reflect"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

func TestLetterLayout(t *testing.T) {
	l := Letter{
		Sender:     []string{"Ondernemingsraad Acme B.V."},
		Addressee:  []string{"Mevrouw A. Smit"},
		Place:      "Zwolle",
		Date:       model.NewDate(2025, 11, 3),
		Subject:    "verzoek om informatie ex artikel 31 lid 1 WOR",
		Reference:  "OR-2025-020",
		Salutation: "Geachte mevrouw Smit,",
		Body:       []Block{Paragraph{Text: "Graag ontvangen wij de begroting."}},
		Signers:    []Signer{{"J. de Vries", "voorzitter"}},
		Enclosures: []string{"Vragenlijst"},
	}
	want := Doc{Title: l.Subject, HideTitle: true, Blocks: []Block{
		Paragraph{Text: "Ondernemingsraad Acme B.V."}, Spacer{},
		Paragraph{Text: "Mevrouw A. Smit"}, Spacer{},
		Paragraph{Text: "Zwolle, 3 november 2025", Align: AlignRight}, Spacer{},
		KeyValues{Pairs: []KeyValue{{"Betreft", l.Subject}, {"Kenmerk", "OR-2025-020"}}}, Spacer{},
		Paragraph{Text: "Geachte mevrouw Smit,"},
		Paragraph{Text: "Graag ontvangen wij de begroting."},
		Spacer{}, Paragraph{Text: "Met vriendelijke groet,"},
		Signatures{Signers: []Signer{{"J. de Vries", "voorzitter"}}},
		Spacer{}, KeyValues{Pairs: []KeyValue{{"Bijlage", "Vragenlijst"}}},
	}}
	if got := l.Doc(); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
}

func TestLetterStackedSigners(t *testing.T) {
	l := sampleLetter()
	l.StackSigners = true
	l.Closing = "Hoogachtend,"
	d := l.Doc()
	var sig Signatures
	var closing string
	for _, b := range d.Blocks {
		if s, ok := b.(Signatures); ok {
			sig = s
		}
		if p, ok := b.(Paragraph); ok && p.Text == "Hoogachtend,\nnamens de ondernemingsraad" {
			closing = p.Text
		}
	}
	if !sig.Stacked || len(sig.Signers) != 2 || closing == "" {
		t.Errorf("signatures %+v, closing %q", sig, closing)
	}
}

func TestPlaceAndDate(t *testing.T) {
	d := model.NewDate(2025, 4, 14)
	for _, c := range []struct {
		place string
		date  model.Date
		want  string
	}{{"Utrecht", d, "Utrecht, 14 april 2025"}, {"", d, "14 april 2025"}, {"Utrecht", model.Date{}, "Utrecht"}, {"", model.Date{}, ""}} {
		if got := placeAndDate(c.place, c.date); got != c.want {
			t.Errorf("placeAndDate(%q, %v) = %q", c.place, c.date, got)
		}
	}
}
