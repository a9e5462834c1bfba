package inzicht

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// DossierKindFigures are one kind of dossier in the period: how many started and closed, how long the
// council took from the request to its advice or consent (for a proposal or request of its own: from
// sending it to the bestuurder's answer), what it answered, and how often the bestuurder deviated.
type DossierKindFigures struct {
	Kind    termijn.DossierKind `json:"kind"`
	Label   string              `json:"label"`
	Article string              `json:"article"`
	Opened  int                 `json:"opened"`
	Closed  int                 `json:"closed"`
	// Answered counts advice or consent given (adviesaanvraag, instemmingsverzoek), or answers received
	// (initiatiefvoorstel, informatieverzoek), in the period; the days are over these.
	Answered   int            `json:"answered"`
	MedianDays int            `json:"median_days"`
	MaxDays    int            `json:"max_days"`
	Outcomes   []OutcomeCount `json:"outcomes"`
	// Decisions counts decisions notified in the period; Deviating those deviating from the advice
	// (art 25 lid 5 WOR).
	Decisions int `json:"decisions"`
	Deviating int `json:"deviating"`
}

// OutcomeCount is how often the council answered one way: "positief", "geweigerd", ...
type OutcomeCount struct {
	Outcome string `json:"outcome"`
	Count   int    `json:"count"`
}

func outcomes(k termijn.DossierKind) []OutcomeCount {
	var names []string
	switch k {
	case termijn.Adviesaanvraag:
		names = []string{string(termijn.AdvicePositive), string(termijn.AdviceNegative), string(termijn.AdviceConditional)}
	case termijn.Instemmingsverzoek:
		names = []string{string(termijn.ConsentGranted), string(termijn.ConsentRefused), string(termijn.ConsentConditional)}
	}
	out := []OutcomeCount{}
	for _, n := range names {
		out = append(out, OutcomeCount{Outcome: n})
	}
	return out
}

// Answer is when and how a dossier was answered: the council's advice or consent, or the bestuurder's
// answer to the council's own proposal or request; ok is false while unanswered.
func Answer(d dossier.Dossier) (start, answered model.Date, outcome string, ok bool) {
	ev := dossier.Events(d)
	start = d.StartedOn
	switch d.Kind {
	case termijn.Adviesaanvraag:
		if !ev.Received.IsZero() {
			start = ev.Received
		}
		return start, ev.AdviceGiven, string(ev.AdviceContent), !ev.AdviceGiven.IsZero()
	case termijn.Instemmingsverzoek:
		if !ev.Received.IsZero() {
			start = ev.Received
		}
		return start, ev.ConsentGiven, string(ev.ConsentContent), !ev.ConsentGiven.IsZero()
	}
	sent := false
	for _, e := range dossier.Sorted(d.Events) {
		switch {
		case (e.Kind == dossier.Sent || e.Kind == dossier.Received) && !sent:
			start, sent = e.Date, true
		case e.Kind == dossier.Answer:
			return start, e.Date, "", true
		}
	}
	return start, model.Date{}, "", false
}

func dossiers(ds []dossier.Dossier, p Period) []DossierKindFigures {
	out := []DossierKindFigures{}
	for _, k := range termijn.DossierKinds {
		f := DossierKindFigures{Kind: k, Label: dossier.KindLabel(k), Article: dossier.Article(k), Outcomes: outcomes(k)}
		var days []int
		for _, d := range ds {
			if d.Kind != k {
				continue
			}
			if p.Contains(d.StartedOn) {
				f.Opened++
			}
			if on, ok := d.Closed(); ok && p.Contains(on) {
				f.Closed++
			}
			if start, on, outcome, ok := Answer(d); ok && p.Contains(on) {
				f.Answered++
				days = append(days, start.DaysUntil(on))
				for i := range f.Outcomes {
					if f.Outcomes[i].Outcome == outcome {
						f.Outcomes[i].Count++
					}
				}
			}
			ev := dossier.Events(d)
			if p.Contains(ev.DecisionNotified) {
				f.Decisions++
				if ev.Deviating {
					f.Deviating++
				}
			}
		}
		f.MedianDays, f.MaxDays = median(days), maxOf(days)
		out = append(out, f)
	}
	return out
}
