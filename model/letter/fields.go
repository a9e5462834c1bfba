package letter

import (
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// FieldKind says how a field's value is written into a letter.
type FieldKind int

const (
	// KindText is written as it is.
	KindText FieldKind = iota
	// KindDate is stored as YYYY-MM-DD and written as "14 maart 2025".
	KindDate
)

// Field is one named value a template can use: {{name}}.
type Field struct {
	Name  string
	Label string // Dutch, lower case: what the marker says ("[nog invullen: datum OV]")
	Kind  FieldKind
	// Optional fields that are empty are left out instead of marked (the secretary's signature, promises
	// a positive advice may not have).
	Optional bool
}

// fields is every field a template may name. A name outside this list is an error, so that a typo in a
// template is found when it is saved, not when the letter is already on paper.
var fields = []Field{
	// Sender, addressee and the letter's own data.
	{Name: "afzender", Label: "afzender"},
	{Name: "afzender_adres", Label: "adres afzender"},
	{Name: "orgaan", Label: "soort orgaan"},
	{Name: "bedrijf", Label: "naam onderneming"},
	{Name: "bestuurder", Label: "naam bestuurder"},
	{Name: "bestuurder_functie", Label: "functie bestuurder"},
	{Name: "aanhef", Label: "aanhef"},
	{Name: "plaats", Label: "plaats"},
	{Name: "datum", Label: "datum brief", Kind: KindDate},
	{Name: "kenmerk", Label: "kenmerk"},
	{Name: "uw_kenmerk", Label: "uw kenmerk"},
	{Name: "voorzitter", Label: "naam voorzitter"},
	{Name: "secretaris", Label: "naam secretaris", Optional: true},
	// The dossier and its dates.
	{Name: "onderwerp", Label: "onderwerp"},
	{Name: "sub", Label: "sub van het wetsartikel"},
	{Name: "datum_aanvraag", Label: "datum aanvraag", Kind: KindDate},
	{Name: "bijlagen_aanvraag", Label: "bijlagen bij de aanvraag"},
	{Name: "datum_ov", Label: "datum OV", Kind: KindDate},
	{Name: "datum_or_vergadering", Label: "datum OR-vergadering", Kind: KindDate},
	{Name: "datum_besluit", Label: "datum besluit", Kind: KindDate},
	{Name: "datum_vragen", Label: "datum vragen", Kind: KindDate},
	{Name: "streefdatum_advies", Label: "streefdatum advies", Kind: KindDate},
	{Name: "antwoord_voor", Label: "datum antwoord", Kind: KindDate},
	{Name: "ov_uiterlijk", Label: "uiterste datum OV", Kind: KindDate},
	// What the AS writes: the substance of the letter.
	{Name: "procedure", Label: "verloop procedure"},
	{Name: "samenvatting_besluit", Label: "samenvatting voorgenomen besluit"},
	{Name: "criteria", Label: "criteria van de raad"},
	{Name: "bezwaren", Label: "bezwaren met redenen"},
	{Name: "voorwaarden", Label: "voorwaarden"},
	{Name: "toezeggingen", Label: "toezeggingen", Optional: true},
	{Name: "motivering", Label: "motivering"},
	{Name: "ontbrekende_informatie", Label: "ontbrekende informatie"},
	{Name: "gevraagde_informatie", Label: "gevraagde informatie"},
	{Name: "reden_verzoek", Label: "reden van het verzoek"},
	{Name: "toelichting", Label: "aanleiding en toelichting"},
	{Name: "voorstel", Label: "voorstel"},
	{Name: "voorgestelde_data", Label: "voorgestelde data"},
	{Name: "agendapunten", Label: "agendapunten en stukken"},
	{Name: "besluit", Label: "genomen besluit"},
	{Name: "hoe_vernomen", Label: "hoe de raad het besluit vernam"},
	{Name: "grond_nietigheid", Label: "waarom het besluit nietig is"},
	// The overlegvergadering of an invitation.
	{Name: "ov_tijd", Label: "tijd OV"},
	{Name: "ov_plaats", Label: "plaats OV"},
	{Name: "ov_voorzitter", Label: "voorzitter OV"},
	{Name: "ov_deelnemers", Label: "deelnemers OV"},
	{Name: "ov_agenda", Label: "agenda OV"},
}

var fieldIndex = func() map[string]Field {
	m := make(map[string]Field, len(fields))
	for _, f := range fields {
		m[f.Name] = f
	}
	return m
}()

// Fields lists every known field, in the order a form offers them.
func Fields() []Field { return append([]Field(nil), fields...) }

// Lookup returns the field with this name.
func Lookup(name string) (Field, bool) {
	f, ok := fieldIndex[name]
	return f, ok
}

// Marker is how a missing field shows in the text: "[nog invullen: datum OV]".
func Marker(label string) string { return MarkerPrefix + label + "]" }

// MarkerPrefix opens every marker; a letter holding it cannot be sent.
const MarkerPrefix = "[nog invullen: "

// CountMarkers counts the markers in a text, including ones a user typed or left behind after editing.
func CountMarkers(text string) int { return strings.Count(text, MarkerPrefix) }

// Value is how a field's stored value is written into the letter; "" when it is empty.
func (f Field) Value(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if f.Kind == KindDate {
		if d, err := model.ParseDate(v); err == nil {
			return d.Long()
		}
	}
	return v
}

// CheckValue refuses a date field that is not a date; other values are free text.
func (f Field) CheckValue(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" || f.Kind != KindDate {
		return v, nil
	}
	d, err := model.ParseDate(v)
	if err != nil {
		return v, model.Invalid(f.Name, f.Label+": geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)")
	}
	return d.String(), nil
}

// PlaceDate is the place-and-date line: "Utrecht, 14 maart 2025" (day in digits, month in lower case,
// four-digit year).
func PlaceDate(place string, d model.Date) string {
	switch {
	case place == "":
		return d.Long()
	case d.IsZero():
		return place
	}
	return place + ", " + d.Long()
}
