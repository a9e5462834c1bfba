package letter

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Facts is what werkbank knows when the AS starts a letter: the body, its chair and secretary, the
// bestuurder, the dossier and the meetings around today. The store reads them; DraftFields turns them
// into field values.
type Facts struct {
	Body       model.Body
	Chair      string
	Secretary  string
	Bestuurder model.Bestuurder
	Today      model.Date
	// Seq numbers the body's letters within the year, for the kenmerk.
	Seq     int
	Dossier *DossierFacts
	// NextOV is the first overlegvergadering from today, for an invitation.
	NextOV *MeetingFacts
	// LastORMeeting is the latest OR meeting up to today: usually the one that decided.
	LastORMeeting model.Date
	// Calendar extends statutory terms past weekends and holidays.
	Calendar termijn.Calendar
}

// DossierFacts are the dossier's title and the dates of its timeline.
type DossierFacts struct {
	Title            string
	Kind             termijn.DossierKind
	Received         model.Date
	OVHeld           model.Date
	DecisionNotified model.Date
	ExecutionNoticed model.Date
}

// MeetingFacts describe an overlegvergadering for an invitation.
type MeetingFacts struct {
	Date         model.Date
	Start        string
	Location     string
	Chair        string
	Participants string
	Agenda       []string
}

// DraftFields fills every field werkbank can know; the rest stays empty and shows as a marker.
func DraftFields(f Facts) map[string]string {
	v := map[string]string{}
	set := func(k, val string) {
		if strings.TrimSpace(val) != "" {
			v[k] = val
		}
	}
	b := f.Body
	set("afzender", Sender(b))
	set("afzender_adres", b.Address)
	set("orgaan", b.Kind.Label())
	set("bedrijf", b.Company)
	set("plaats", b.Place)
	set("datum", f.Today.String())
	set("kenmerk", Reference(b, f.Today, f.Seq))
	set("voorzitter", f.Chair)
	set("secretaris", f.Secretary)
	be := f.Bestuurder
	set("bestuurder", AddresseeName(be))
	set("bestuurder_functie", be.Title)
	set("aanhef", Salutation(be))
	set("antwoord_voor", f.Today.AddDays(14).String())
	if !f.LastORMeeting.IsZero() {
		set("datum_or_vergadering", f.LastORMeeting.String())
	}
	if d, err := termijn.Calc(termijn.WOR, termijn.CodeOVVerzoek, f.Today, f.Calendar); err == nil {
		set("ov_uiterlijk", d.End.String())
	}
	if d := f.Dossier; d != nil {
		set("onderwerp", lowerFirst(d.Title))
		if !d.Received.IsZero() {
			set("datum_aanvraag", d.Received.String())
		}
		if !d.OVHeld.IsZero() {
			set("datum_ov", d.OVHeld.String())
		}
		if !d.DecisionNotified.IsZero() {
			set("datum_besluit", d.DecisionNotified.String())
		}
	}
	if m := f.NextOV; m != nil {
		if _, ok := v["datum_ov"]; !ok {
			set("datum_ov", m.Date.String())
		}
		set("ov_tijd", m.Start)
		set("ov_plaats", m.Location)
		set("ov_voorzitter", m.Chair)
		set("ov_deelnemers", m.Participants)
		var items []string
		for i, a := range m.Agenda {
			items = append(items, fmt.Sprintf("%d. %s", i+1, a))
		}
		set("ov_agenda", strings.Join(items, "\n"))
	}
	return v
}

// Sender is the sender line: "Ondernemingsraad Zorggroep Rivierenland".
func Sender(b model.Body) string {
	if b.Company == "" {
		return b.Name
	}
	return upperFirst(b.Kind.Label()) + " " + b.Company
}

// Reference is the body's kenmerk for a letter: "OR-2025-004".
func Reference(b model.Body, today model.Date, seq int) string {
	prefix := map[model.BodyKind]string{model.KindOR: "OR", model.KindCOR: "COR", model.KindOnderdeel: "OC",
		model.KindMR: "MR", model.KindClientenraad: "CR"}[b.Kind]
	if prefix == "" || seq <= 0 {
		return ""
	}
	return fmt.Sprintf("%s-%d-%03d", prefix, today.Year(), seq)
}

// Surname is the part of a name a salutation uses, with a capital tussenvoegsel as Dutch writes it
// without a first name: "Marco van Leeuwen" → "Van Leeuwen".
func Surname(name string) string {
	parts := strings.Fields(name)
	if len(parts) < 2 {
		return name
	}
	return upperFirst(strings.Join(parts[1:], " "))
}

// Salutation is "Geachte mevrouw Bakker,"; empty when the bestuurder's form of address is unknown, so the
// letter marks it rather than guess.
func Salutation(b model.Bestuurder) string {
	if b.Salutation == "" || strings.TrimSpace(b.Name) == "" {
		return ""
	}
	return "Geachte " + b.Salutation + " " + Surname(b.Name) + ","
}

// AddresseeName is the addressee line: "Mevrouw I. Bakker".
func AddresseeName(b model.Bestuurder) string {
	parts := strings.Fields(b.Name)
	if len(parts) == 0 {
		return ""
	}
	name := b.Name
	if len(parts) > 1 {
		r, _ := utf8.DecodeRuneInString(parts[0])
		name = string(unicode.ToUpper(r)) + ". " + strings.Join(parts[1:], " ")
	}
	if b.Salutation != "" {
		return upperFirst(b.Salutation) + " " + name
	}
	return name
}

// NullityDeadline is the last day to invoke nullity (art 27 lid 5 WOR): one month after the written
// notice of the decision or, without one, after the council noticed execution.
func NullityDeadline(notified, noticed model.Date, cal termijn.Calendar) (termijn.Deadline, bool) {
	start := notified
	if start.IsZero() {
		start = noticed
	}
	if start.IsZero() {
		return termijn.Deadline{}, false
	}
	d, err := termijn.Calc(termijn.WOR, termijn.CodeNietigheid, start, cal)
	return d, err == nil
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers a title's first letter for use after "over", but leaves an abbreviation ("ICT-beleid")
// alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
