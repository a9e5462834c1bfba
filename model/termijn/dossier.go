package termijn

import (
	"fmt"
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// DossierKind is the kind of matter a dossier follows; the codes are the Dutch words the UI and JSON use.
type DossierKind string

const (
	Adviesaanvraag     DossierKind = "adviesaanvraag"     // art 25 WOR
	Instemmingsverzoek DossierKind = "instemmingsverzoek" // art 27 WOR
	Initiatiefvoorstel DossierKind = "initiatiefvoorstel" // art 23 lid 3 WOR
	Informatieverzoek  DossierKind = "informatieverzoek"  // art 31 WOR
	Overig             DossierKind = "overig"
)

// DossierKinds lists every kind in the order the UI offers them.
var DossierKinds = []DossierKind{Adviesaanvraag, Instemmingsverzoek, Initiatiefvoorstel, Informatieverzoek, Overig}

// ParseDossierKind reads a kind code.
func ParseDossierKind(s string) (DossierKind, error) {
	k := DossierKind(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(DossierKinds, k) {
		return k, nil
	}
	return "", model.Invalid("kind", fmt.Sprintf("onbekend soort dossier %q: kies adviesaanvraag, "+
		"instemmingsverzoek, initiatiefvoorstel, informatieverzoek of overig", s))
}

// AdviceContent is what the council advised.
type AdviceContent string

const (
	AdvicePositive    AdviceContent = "positief"
	AdviceNegative    AdviceContent = "negatief"
	AdviceConditional AdviceContent = "voorwaardelijk"
)

// ConsentContent is the council's answer to a request for consent.
type ConsentContent string

const (
	ConsentGranted     ConsentContent = "verleend"
	ConsentRefused     ConsentContent = "geweigerd"
	ConsentConditional ConsentContent = "voorwaardelijk"
)

// Events are the dated events of a dossier from which every deadline follows. A zero date means "has not
// happened" (or is not known).
type Events struct {
	Received         model.Date     `json:"received"`          // request for advice or consent received
	OVRequested      model.Date     `json:"ov_requested"`      // reasoned request for an overlegvergadering
	OVHeld           model.Date     `json:"ov_held"`           // the matter was discussed in an OV
	AdviceGiven      model.Date     `json:"advice_given"`      // the council gave its advice
	AdviceContent    AdviceContent  `json:"advice_content"`    // positief, negatief, voorwaardelijk
	ConsentGiven     model.Date     `json:"consent_given"`     // the council answered the request for consent
	ConsentContent   ConsentContent `json:"consent_content"`   // verleend, geweigerd, voorwaardelijk
	DecisionNotified model.Date     `json:"decision_notified"` // the bestuurder notified the decision in writing
	Deviating        bool           `json:"deviating"`         // the decision deviates from the advice
	ReasonsReceived  model.Date     `json:"reasons_received"`  // written reasons for deviating, when later
	SuspensionWaived model.Date     `json:"suspension_waived"` // the council waived the suspension in writing
	ExecutionNoticed model.Date     `json:"execution_noticed"` // the council noticed execution of a decision
	AgreedTerm       model.Date     `json:"agreed_term"`       // end of a term agreed with the bestuurder
	AgreedTermText   string         `json:"agreed_term_text"`  // what was agreed ("advies binnen 6 weken")
	Closed           model.Date     `json:"closed"`            // the dossier was closed
}

// DossierDeadlines derives every deadline of a dossier from its events, in order of their end date. Only
// the rules of the dossier's own rule set are used; a rule set without known terms yields only the agreed
// term. The result is never nil, so it marshals as [].
func DossierDeadlines(kind DossierKind, set RuleSet, ev Events, cal Calendar) []Deadline {
	out := []Deadline{}
	compute := func(code string, start model.Date) (Deadline, bool) {
		r, err := Lookup(set, code)
		if err != nil || start.IsZero() {
			return Deadline{}, false
		}
		return Compute(r, start, cal), true
	}

	if d, ok := compute(CodeOVVerzoek, ev.OVRequested); ok {
		if !ev.OVHeld.IsZero() && !ev.OVHeld.Before(ev.OVRequested) {
			note := "overlegvergadering gehouden op " + ev.OVHeld.Short()
			if ev.OVHeld.After(d.End) {
				note += fmt.Sprintf(" (%d dagen te laat)", d.End.DaysUntil(ev.OVHeld))
			}
			d.Note = joinNotes(d.Note, note)
		}
		out = append(out, d)
	}

	switch kind {
	case Adviesaanvraag:
		if ev.DecisionNotified.IsZero() || !ev.Deviating {
			break
		}
		if d, ok := compute(CodeOpschorting, ev.DecisionNotified); ok {
			out = append(out, waive(d, ev.SuspensionWaived))
		}
		start, startEvent := ev.DecisionNotified, "schriftelijke mededeling van het besluit"
		if ev.ReasonsReceived.After(ev.DecisionNotified) {
			start, startEvent = ev.ReasonsReceived, "schriftelijke motivering van de afwijking ontvangen"
		}
		if d, ok := compute(CodeBeroep, start); ok {
			d.StartEvent = startEvent
			if start.Equal(ev.ReasonsReceived) && !start.Equal(ev.DecisionNotified) {
				d.Note = joinNotes(d.Note, "besluit meegedeeld op "+ev.DecisionNotified.Short()+
					"; de termijn loopt pas vanaf de schriftelijke motivering")
			}
			out = append(out, d)
		}
	case Instemmingsverzoek:
		if ev.ConsentContent == ConsentGranted && !ev.ConsentGiven.IsZero() {
			break
		}
		start, startEvent := ev.DecisionNotified, "schriftelijke mededeling van het besluit"
		if start.IsZero() {
			start, startEvent = ev.ExecutionNoticed, "OR merkt uitvoering op (geen mededeling van het besluit)"
		}
		if d, ok := compute(CodeNietigheid, start); ok {
			d.StartEvent = startEvent
			note := "schriftelijk tegenover de bestuurder inroepen"
			if ev.ConsentContent == ConsentConditional {
				note = "instemming onder voorwaarden: alleen nodig als het besluit daarvan afwijkt; " + note
			}
			d.Note = joinNotes(d.Note, note)
			out = append(out, d)
		}
	}

	if !ev.AgreedTerm.IsZero() {
		out = append(out, Agreed(ev.AgreedTermText, ev.Received, ev.AgreedTerm, cal))
	}
	slices.SortStableFunc(out, func(a, b Deadline) int { return a.End.Compare(b.End) })
	return out
}

// waive ends a suspension on the day the council waived it in writing (art 25 lid 6 WOR); a waiver after
// the suspension ended changes nothing.
func waive(d Deadline, waived model.Date) Deadline {
	if waived.IsZero() {
		return d
	}
	if waived.After(d.End) {
		d.Note = joinNotes(d.Note, "afstand gedaan op "+waived.Short()+", na het einde van de opschorting")
		return d
	}
	d.End, d.Moved = waived, false
	d.Explanation += "; afstand gedaan op " + waived.Short()
	d.Note = "opschorting beëindigd op " + waived.Short() + " (afstand gedaan)"
	return d
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
