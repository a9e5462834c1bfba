package dossier

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// EventKind is the kind of a dated event in a dossier's timeline; the codes are the Dutch words the
// database and JSON use.
type EventKind string

const (
	Received         EventKind = "ontvangen"
	Sent             EventKind = "verzonden"
	OVRequest        EventKind = "ov-verzoek"
	OVHeld           EventKind = "ov-gehouden"
	Advice           EventKind = "advies"
	Consent          EventKind = "instemming"
	Decision         EventKind = "besluit"
	Reasons          EventKind = "motivering"
	Waiver           EventKind = "afstand-opschorting"
	ExecutionNoticed EventKind = "uitvoering-opgemerkt"
	AgreedTerm       EventKind = "afgesproken-termijn"
	Answer           EventKind = "antwoord"
	Note             EventKind = "notitie"
	Closing          EventKind = "gesloten"
)

// Contents of a besluit on an adviesaanvraag.
const (
	DecisionDeviating = "afwijkend"
	DecisionConform   = "conform"
)

// Event is one dated event of a dossier.
type Event struct {
	ID        int64      `json:"id"`
	DossierID int64      `json:"dossier_id"`
	Kind      EventKind  `json:"kind"`
	Date      model.Date `json:"date"`
	Content   string     `json:"content"`
	Note      string     `json:"note"`
	Version   int64      `json:"version"`
}

// allowed lists, per kind of dossier, the events its timeline can hold, in the order a user is offered
// them.
var allowed = map[termijn.DossierKind][]EventKind{
	termijn.Adviesaanvraag: {Received, OVRequest, OVHeld, AgreedTerm, Advice, Decision, Reasons, Waiver, Note,
		Closing},
	termijn.Instemmingsverzoek: {Received, OVRequest, OVHeld, AgreedTerm, Consent, Decision, ExecutionNoticed,
		Note, Closing},
	termijn.Initiatiefvoorstel: {Sent, OVRequest, OVHeld, AgreedTerm, Answer, Note, Closing},
	termijn.Informatieverzoek:  {Sent, OVRequest, OVHeld, AgreedTerm, Answer, Note, Closing},
	termijn.Overig:             {Received, Sent, OVRequest, OVHeld, AgreedTerm, Answer, Note, Closing},
}

// EventKinds returns the events a dossier of kind k can hold.
func EventKinds(k termijn.DossierKind) []EventKind { return slices.Clone(allowed[k]) }

// FirstEvent is the event a new dossier of kind k starts with: the request received, or the council's
// own proposal or request sent. "" for overig.
func FirstEvent(k termijn.DossierKind) EventKind {
	switch k {
	case termijn.Adviesaanvraag, termijn.Instemmingsverzoek:
		return Received
	case termijn.Initiatiefvoorstel, termijn.Informatieverzoek:
		return Sent
	}
	return ""
}

// Contents returns the choices for an event's content; nil when the content is free text or unused.
func Contents(dk termijn.DossierKind, k EventKind) []string {
	switch {
	case k == Advice:
		return []string{string(termijn.AdvicePositive), string(termijn.AdviceNegative), string(termijn.AdviceConditional)}
	case k == Consent:
		return []string{string(termijn.ConsentGranted), string(termijn.ConsentRefused), string(termijn.ConsentConditional)}
	case k == Decision && dk == termijn.Adviesaanvraag:
		return []string{DecisionDeviating, DecisionConform}
	}
	return nil
}

// Name is what a user picks when adding an event: "advies uitgebracht".
func (k EventKind) Name(dk termijn.DossierKind) string {
	switch k {
	case Received:
		if dk == termijn.Adviesaanvraag || dk == termijn.Instemmingsverzoek {
			return string(dk) + " ontvangen"
		}
		return "verzoek ontvangen"
	case Sent:
		if dk == termijn.Initiatiefvoorstel || dk == termijn.Informatieverzoek {
			return string(dk) + " verzonden"
		}
		return "verzonden"
	case OVRequest:
		return "verzoek om overlegvergadering"
	case OVHeld:
		return "overlegvergadering gehouden"
	case Advice:
		return "advies uitgebracht"
	case Consent:
		return "besluit over instemming"
	case Decision:
		return "besluit schriftelijk meegedeeld"
	case Reasons:
		return "motivering ontvangen"
	case Waiver:
		return "afstand van opschorting"
	case ExecutionNoticed:
		return "uitvoering opgemerkt"
	case AgreedTerm:
		return "afgesproken termijn"
	case Answer:
		if dk == termijn.Informatieverzoek {
			return "informatie ontvangen"
		}
		return "antwoord ontvangen"
	case Note:
		return "notitie"
	case Closing:
		return "dossier gesloten"
	}
	return string(k)
}

// Label is the event as the timeline shows it, with its content: "advies uitgebracht: negatief".
func (e Event) Label(dk termijn.DossierKind) string {
	name := e.Kind.Name(dk)
	switch {
	case e.Kind == Decision && e.Content == DecisionDeviating:
		return "besluit meegedeeld (afwijkend)"
	case e.Kind == Decision && e.Content == DecisionConform:
		return "besluit meegedeeld (conform advies)"
	case e.Kind == Decision:
		return "besluit meegedeeld"
	case e.Kind == AgreedTerm:
		what := e.Content
		if what == "" {
			what = "afgesproken termijn"
		}
		return "einde termijn: " + what
	case e.Kind == Note:
		return "notitie: " + e.Note
	case e.Content != "":
		return name + ": " + e.Content
	}
	return name
}

// ParseEventKind reads an event code.
func ParseEventKind(s string) (EventKind, error) {
	k := EventKind(strings.ToLower(strings.TrimSpace(s)))
	for _, ks := range allowed {
		if slices.Contains(ks, k) {
			return k, nil
		}
	}
	return "", model.Invalid("kind", fmt.Sprintf("onbekende gebeurtenis %q", s))
}

// Events turns a dossier's timeline into the term engine's events (see the package comment for the rules).
func Events(d Dossier) termijn.Events {
	var ev termijn.Events
	evs := Sorted(d.Events)
	first := func(k EventKind) (Event, bool) {
		for _, e := range evs {
			if e.Kind == k {
				return e, true
			}
		}
		return Event{}, false
	}
	last := func(k EventKind) (Event, bool) {
		for i := len(evs) - 1; i >= 0; i-- {
			if evs[i].Kind == k {
				return evs[i], true
			}
		}
		return Event{}, false
	}
	if e, ok := first(Received); ok {
		ev.Received = e.Date
	}
	if e, ok := last(OVRequest); ok {
		ev.OVRequested = e.Date
	}
	for _, e := range evs {
		if e.Kind == OVHeld && !e.Date.Before(ev.OVRequested) {
			ev.OVHeld = e.Date
			break
		}
	}
	if ev.OVHeld.IsZero() {
		if e, ok := last(OVHeld); ok {
			ev.OVHeld = e.Date
		}
	}
	if e, ok := last(Advice); ok {
		ev.AdviceGiven, ev.AdviceContent = e.Date, termijn.AdviceContent(e.Content)
	}
	if e, ok := last(Consent); ok {
		ev.ConsentGiven, ev.ConsentContent = e.Date, termijn.ConsentContent(e.Content)
	}
	if e, ok := last(Decision); ok {
		ev.DecisionNotified = e.Date
		ev.Deviating = d.Kind == termijn.Adviesaanvraag && e.Content != DecisionConform
	}
	if e, ok := last(Reasons); ok {
		ev.ReasonsReceived = e.Date
	}
	if e, ok := last(Waiver); ok {
		ev.SuspensionWaived = e.Date
	}
	if e, ok := first(ExecutionNoticed); ok {
		ev.ExecutionNoticed = e.Date
	}
	if e, ok := last(AgreedTerm); ok {
		ev.AgreedTerm, ev.AgreedTermText = e.Date, e.Content
	}
	if e, ok := last(Closing); ok {
		ev.Closed = e.Date
	}
	return ev
}

// contentFields are the term engine's fields that the event form calls "content"; the others are dates.
var contentFields = map[string]bool{"advice_content": true, "consent_content": true}

// CheckEvents validates a whole timeline: every event allowed for the dossier's kind, with valid content,
// none before the dossier started, and in an order that can have happened (termijn.ValidateEvents). The
// error is a *model.FieldError at "kind", "date" or "content": the fields of the event form, since the
// event just added or changed is what made the timeline wrong.
func CheckEvents(d Dossier) error {
	for _, e := range d.Events {
		if err := checkEvent(d, e); err != nil {
			return err
		}
	}
	// Every event is checked against the others, not only the one that counts for the terms: a second
	// besluit dated before the advice is as impossible as the first.
	base := Events(d)
	err := termijn.ValidateEvents(d.Kind, base)
	for _, e := range Sorted(d.Events) {
		if err != nil {
			break
		}
		ev := base
		set(&ev, d.Kind, e)
		err = termijn.ValidateEvents(d.Kind, ev)
	}
	var fe *model.FieldError
	if errors.As(err, &fe) {
		field := "date"
		if contentFields[fe.Field] {
			field = "content"
		}
		return model.Invalid(field, fe.Message)
	}
	return err
}

// set puts one event in the place of its kind.
func set(ev *termijn.Events, dk termijn.DossierKind, e Event) {
	switch e.Kind {
	case Received:
		ev.Received = e.Date
	case OVRequest:
		ev.OVRequested = e.Date
	case OVHeld:
		ev.OVHeld = e.Date
	case Advice:
		ev.AdviceGiven, ev.AdviceContent = e.Date, termijn.AdviceContent(e.Content)
	case Consent:
		ev.ConsentGiven, ev.ConsentContent = e.Date, termijn.ConsentContent(e.Content)
	case Decision:
		ev.DecisionNotified = e.Date
		ev.Deviating = dk == termijn.Adviesaanvraag && e.Content != DecisionConform
	case Reasons:
		ev.ReasonsReceived = e.Date
	case Waiver:
		ev.SuspensionWaived = e.Date
	case ExecutionNoticed:
		ev.ExecutionNoticed = e.Date
	case AgreedTerm:
		ev.AgreedTerm = e.Date
	case Closing:
		ev.Closed = e.Date
	}
}

func checkEvent(d Dossier, e Event) error {
	if !slices.Contains(allowed[d.Kind], e.Kind) {
		return model.Invalid("kind", fmt.Sprintf("%q hoort niet bij een %s", e.Kind.Name(d.Kind), d.Kind))
	}
	if e.Date.IsZero() {
		return model.Invalid("date", "vul de datum in")
	}
	if !d.StartedOn.IsZero() && e.Date.Before(d.StartedOn) {
		return model.Invalid("date", fmt.Sprintf("%s (%s) ligt vóór de start van het dossier (%s)",
			e.Kind.Name(d.Kind), e.Date.Short(), d.StartedOn.Short()))
	}
	if opts := Contents(d.Kind, e.Kind); opts != nil && !slices.Contains(opts, e.Content) {
		return model.Invalid("content", fmt.Sprintf("kies bij %s: %s", e.Kind.Name(d.Kind), strings.Join(opts, ", ")))
	}
	if opts := Contents(d.Kind, e.Kind); opts == nil && e.Kind != AgreedTerm && e.Content != "" {
		return model.Invalid("content", fmt.Sprintf("%s heeft geen inhoud; gebruik de notitie", e.Kind.Name(d.Kind)))
	}
	if len([]rune(e.Content)) > 200 {
		return model.Invalid("content", "inhoud is te lang (meer dan 200 tekens)")
	}
	if len([]rune(e.Note)) > 2000 {
		return model.Invalid("note", "notitie is te lang (meer dan 2000 tekens)")
	}
	if e.Kind == Note && strings.TrimSpace(e.Note) == "" {
		return model.Invalid("note", "een notitie zonder tekst zegt niets: vul de notitie in")
	}
	return nil
}
