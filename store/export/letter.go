package export

import (
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Letter is a council letter in the layout of letters.md: sender, addressee, place and date, Betreft and
// kenmerk lines, salutation, body, closing, signatures, bijlagen and cc. Doc turns it into a Doc that every
// writer can render. Empty optional parts (no uw kenmerk, no cc) are left out; a template that cannot fill
// a required field should put a visible "[nog invullen: ...]" in it rather than leave it empty.
type Letter struct {
	Sender         []string // "Ondernemingsraad Acme B.V." and its address, one line each
	Addressee      []string // name, job title, company, "t.a.v." and address, one line each
	Place          string   // "Utrecht"
	Date           model.Date
	Subject        string // after "Betreft:", lower case: "advies ex artikel 25 lid 1 sub e WOR over ..."
	Reference      string // kenmerk (ours)
	TheirReference string // uw kenmerk
	Salutation     string // "Geachte heer Jansen,"
	Body           []Block
	Closing        string // defaults to "Met vriendelijke groet,"
	OnBehalfOf     string // the line under the closing, e.g. "namens de ondernemingsraad"
	Signers        []Signer
	StackSigners   bool     // one signer under the other instead of side by side
	Enclosures     []string // bijlagen
	Cc             []string
}

// Doc lays the letter out as a Doc. The subject becomes the (hidden) title, so DOCX and PDF properties name
// the letter.
func (l Letter) Doc() Doc {
	var b []Block
	add := func(bl ...Block) { b = append(b, bl...) }

	if len(l.Sender) > 0 {
		add(Paragraph{Text: strings.Join(l.Sender, "\n")}, Spacer{})
	}
	if len(l.Addressee) > 0 {
		add(Paragraph{Text: strings.Join(l.Addressee, "\n")}, Spacer{})
	}
	if pd := placeAndDate(l.Place, l.Date); pd != "" {
		add(Paragraph{Text: pd, Align: AlignRight}, Spacer{})
	}

	var refs []KeyValue
	for _, kv := range []KeyValue{{"Betreft", l.Subject}, {"Kenmerk", l.Reference}, {"Uw kenmerk", l.TheirReference}} {
		if kv.Value != "" {
			refs = append(refs, kv)
		}
	}
	if len(refs) > 0 {
		add(KeyValues{Pairs: refs}, Spacer{})
	}

	if l.Salutation != "" {
		add(Paragraph{Text: l.Salutation})
	}
	add(l.Body...)

	closing := l.Closing
	if closing == "" {
		closing = "Met vriendelijke groet,"
	}
	if l.OnBehalfOf != "" {
		closing += "\n" + l.OnBehalfOf
	}
	add(Spacer{}, Paragraph{Text: closing})
	if len(l.Signers) > 0 {
		add(Signatures{Signers: l.Signers, Stacked: l.StackSigners})
	}

	var tail []KeyValue
	tail = append(tail, labelled(l.Enclosures, "Bijlage", "Bijlagen")...)
	tail = append(tail, labelled(l.Cc, "Cc", "Cc")...)
	if len(tail) > 0 {
		add(Spacer{}, KeyValues{Pairs: tail})
	}

	return Doc{Title: l.Subject, HideTitle: true, Blocks: b}
}

// placeAndDate gives "Utrecht, 14 april 2025": day in digits, month in lower case, four-digit year.
func placeAndDate(place string, d model.Date) string {
	date := d.Long()
	switch {
	case place == "":
		return date
	case date == "":
		return place
	}
	return place + ", " + date
}

// labelled puts items under one label, the later ones with an empty key so they line up under the first.
func labelled(items []string, one, many string) []KeyValue {
	var kv []KeyValue
	for i, it := range items {
		key := ""
		if i == 0 {
			key = one
			if len(items) > 1 {
				key = many
			}
		}
		kv = append(kv, KeyValue{key, it})
	}
	return kv
}
