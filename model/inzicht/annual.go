package inzicht

import (
	"slices"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Shared returns the input without every row under a withheld imposition (model.Imposition.Withheld
// on today): what may appear in an openbare document such as the jaarverslag. The impositions
// themselves stay, for their counts; their subjects are never shown.
func (in Input) Shared(today model.Date) Input {
	hidden := in.withheldOn(today)
	out := in
	out.Actions = slices.DeleteFunc(slices.Clone(in.Actions), func(a model.Action) bool { return hidden(a.ImpositionID) })
	out.Dossiers = slices.DeleteFunc(slices.Clone(in.Dossiers), func(d dossier.Dossier) bool { return hidden(d.ImpositionID) })
	out.Letters = slices.DeleteFunc(slices.Clone(in.Letters), func(l Letter) bool { return hidden(l.ImpositionID) })
	return out
}

// Annual is the content of one body's jaarverslag (art 14 lid 2 sub h WOR), made from shared rows only.
type Annual struct {
	Year    int        `json:"year"`
	Body    model.Body `json:"body"`
	Figures Figures    `json:"figures"`
	// Composition: the members serving in the year, and who joined or left during it.
	Members []Member `json:"members"`
	Joined  []Member `json:"joined"`
	Left    []Member `json:"left"`
	// Meetings held in the year, in date order.
	Meetings []model.Meeting `json:"meetings"`
	// Matters are the advice and consent matters the council dealt with in the year; Initiatives its own
	// proposals and requests.
	Matters     []Matter `json:"matters"`
	Initiatives []Matter `json:"initiatives"`
}

// Matter is one dossier as the jaarverslag names it.
type Matter struct {
	Kind      termijn.DossierKind `json:"kind"`
	Title     string              `json:"title"`
	Started   model.Date          `json:"started"`
	Answered  model.Date          `json:"answered"`
	Outcome   string              `json:"outcome"`
	Decided   model.Date          `json:"decided"`
	Deviating bool                `json:"deviating"`
	Closed    model.Date          `json:"closed"`
}

// BuildAnnual makes the jaarverslag content of body b for year from in, leaving out what is withheld
// on today. in should hold the body's rows only.
func BuildAnnual(in Input, b model.Body, year int, today model.Date) Annual {
	sh := in.Shared(today)
	sh.Bodies = []model.Body{b}
	p := Year(year)
	a := Annual{Year: year, Body: b, Figures: Compute(sh, p, b.ID, today), Members: []Member{}, Joined: []Member{},
		Left: []Member{}, Meetings: []model.Meeting{}, Matters: []Matter{}, Initiatives: []Matter{}}
	for _, m := range sh.Members {
		if !Serving(m.Member, year) {
			continue
		}
		a.Members = append(a.Members, m)
		if p.Contains(m.TermStart) {
			a.Joined = append(a.Joined, m)
		}
		if p.Contains(m.TermEnd) {
			a.Left = append(a.Left, m)
		}
	}
	for _, m := range sh.Meetings {
		if p.Contains(m.Date) && held(m.Meeting, today) {
			a.Meetings = append(a.Meetings, m.Meeting)
		}
	}
	slices.SortStableFunc(a.Meetings, func(x, y model.Meeting) int { return x.Date.Compare(y.Date) })
	for _, d := range sh.Dossiers {
		mt, ok := matter(d, p)
		if !ok {
			continue
		}
		switch d.Kind {
		case termijn.Adviesaanvraag, termijn.Instemmingsverzoek:
			a.Matters = append(a.Matters, mt)
		case termijn.Initiatiefvoorstel, termijn.Informatieverzoek:
			a.Initiatives = append(a.Initiatives, mt)
		}
	}
	for _, list := range [][]Matter{a.Matters, a.Initiatives} {
		slices.SortStableFunc(list, func(x, y Matter) int { return x.Started.Compare(y.Started) })
	}
	return a
}

// matter reports a dossier when it was alive in the period: started before its end and not closed
// before its start.
func matter(d dossier.Dossier, p Period) (Matter, bool) {
	start, answered, outcome, _ := Answer(d)
	closed, isClosed := d.Closed()
	if d.StartedOn.After(p.To()) || isClosed && closed.Before(p.From()) {
		return Matter{}, false
	}
	ev := dossier.Events(d)
	return Matter{Kind: d.Kind, Title: d.Title, Started: start, Answered: answered, Outcome: outcome,
		Decided: ev.DecisionNotified, Deviating: ev.Deviating, Closed: closed}, true
}
