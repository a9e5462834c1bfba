package dossier

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// OverdueDays is how long an expired term stays in the overview and as a dossier's next term: long
// enough to be seen, not so long that it hides what comes next.
const OverdueDays = 14

// Term is a deadline of a dossier with whether it still asks for action.
type Term struct {
	termijn.Deadline
	// Done says why the term needs no action any more ("overlegvergadering gehouden op ..."); "" while
	// it does.
	Done string `json:"done"`
}

// Terms derives a dossier's deadlines from its timeline under rule set set, in order of their end.
func Terms(d Dossier, set termijn.RuleSet, cal termijn.Calendar) []Term {
	ev := Events(d)
	dls := termijn.DossierDeadlines(d.Kind, set, ev, cal)
	closed, isClosed := d.Closed()
	out := make([]Term, 0, len(dls))
	for _, dl := range dls {
		t := Term{Deadline: dl}
		switch dl.Rule {
		case termijn.CodeOVVerzoek:
			if !ev.OVHeld.IsZero() && !ev.OVHeld.Before(ev.OVRequested) {
				t.Done = "overlegvergadering gehouden op " + ev.OVHeld.Short()
			}
		case termijn.CodeOpschorting:
			if !ev.SuspensionWaived.IsZero() && dl.End.Equal(ev.SuspensionWaived) {
				t.Done = "afstand gedaan op " + ev.SuspensionWaived.Short()
			}
		case termijn.CodeAfgesproken:
			t.Done = agreedDone(d, ev)
		}
		if t.Done == "" && isClosed {
			t.Done = "dossier gesloten op " + closed.Short()
		}
		out = append(out, t)
	}
	return out
}

// agreedDone says whether the act an agreed term was about has happened: the advice, the answer on a
// request for consent, or the bestuurder's answer to a proposal or request.
func agreedDone(d Dossier, ev termijn.Events) string {
	switch d.Kind {
	case termijn.Adviesaanvraag:
		if !ev.AdviceGiven.IsZero() {
			return "advies uitgebracht op " + ev.AdviceGiven.Short()
		}
	case termijn.Instemmingsverzoek:
		if !ev.ConsentGiven.IsZero() {
			return "besluit over instemming op " + ev.ConsentGiven.Short()
		}
	default:
		for _, e := range Sorted(d.Events) {
			if e.Kind == Answer {
				return e.Kind.Name(d.Kind) + " op " + e.Date.Short()
			}
		}
	}
	return ""
}

// Next is the dossier's next term that asks for action: the earliest open one that ended at most
// OverdueDays ago. ok is false when there is none.
func Next(terms []Term, today model.Date) (Term, bool) {
	for _, t := range terms {
		if t.Done == "" && !t.End.Before(today.AddDays(-OverdueDays)) {
			return t, true
		}
	}
	return Term{}, false
}

// Checks are the dossier's points of attention that are no date: duties without a numeric term, and
// steps the law wants before another. They are Dutch sentences.
func Checks(d Dossier, set termijn.RuleSet) []string {
	if _, closed := d.Closed(); closed {
		return nil
	}
	var out []string
	if set != termijn.WOR {
		out = append(out, fmt.Sprintf("geen wettelijke termijn bekend onder %s: werkbank rekent hier geen "+
			"WOR-termijnen; leg afspraken vast als afgesproken termijn", set))
	}
	ev := Events(d)
	has := func(k EventKind) bool {
		for _, e := range d.Events {
			if e.Kind == k {
				return true
			}
		}
		return false
	}
	switch d.Kind {
	case termijn.Adviesaanvraag:
		if !ev.AdviceGiven.IsZero() && (ev.OVHeld.IsZero() || ev.OVHeld.After(ev.AdviceGiven)) {
			out = append(out, "advies uitgebracht zonder overlegvergadering ervoor in de tijdlijn (art 25 lid 3 "+
				"WOR: eerst ten minste één keer overleg)")
		}
		if ev.AdviceGiven.IsZero() && ev.AgreedTerm.IsZero() {
			out = append(out, "geen wettelijke termijn voor het advies (art 25 lid 2: tijdig, met wezenlijke "+
				"invloed); vraagt de bestuurder advies binnen een termijn, leg die vast als afgesproken termijn")
		}
	case termijn.Initiatiefvoorstel:
		if !has(OVHeld) {
			out = append(out, "het voorstel moet in ten minste één overlegvergadering besproken worden "+
				"(art 23 lid 3 WOR)")
		}
		if !has(Answer) {
			out = append(out, "de bestuurder beslist schriftelijk en met redenen (art 23 lid 3 WOR); "+
				"daarvoor geldt geen wettelijke termijn")
		}
	case termijn.Informatieverzoek:
		if !has(Answer) && ev.AgreedTerm.IsZero() {
			out = append(out, "de bestuurder verstrekt de informatie tijdig (art 31 WOR), zonder vaste termijn; "+
				"leg een afgesproken termijn vast")
		}
	}
	return out
}
