package inzicht

import (
	"slices"

	"github.com/werkbank-nl/werkbank/model"
)

// Figures are the numbers of Inzicht for one period. The JSON of `werkbank inzicht --json` is exactly
// this value, and the screen draws it.
type Figures struct {
	Period Period     `json:"period"`
	Label  string     `json:"label"`
	From   model.Date `json:"from"`
	To     model.Date `json:"to"`
	// AsOf is the day states (overdue, expired) are read on: the period's end, or today if earlier.
	AsOf model.Date `json:"as_of"`
	// BodyID is the one body the figures cover; 0 for all bodies.
	BodyID   int64                `json:"body_id"`
	Bodies   []string             `json:"bodies"`
	Agendas  AgendaFigures        `json:"agendas"`
	Meetings MeetingFigures       `json:"meetings"`
	Actions  ActionFigures        `json:"actions"`
	Dossiers []DossierKindFigures `json:"dossiers"`
	Letters  LetterFigures        `json:"letters"`
	Secrecy  SecrecyFigures       `json:"confidentiality"`
	Training TrainingFigures      `json:"training"`
	// Quarters splits a year into its four quarters (empty in a quarter's figures).
	Quarters []QuarterFigures `json:"quarters"`
}

// QuarterFigures are the few counts a year shows per quarter, as bar charts.
type QuarterFigures struct {
	Quarter        int `json:"quarter"`
	Meetings       int `json:"meetings"`
	AgendasOnTime  int `json:"agendas_on_time"`
	AgendasLate    int `json:"agendas_late"`
	ActionsOpened  int `json:"actions_opened"`
	ActionsClosed  int `json:"actions_closed"`
	LettersSent    int `json:"letters_sent"`
	DossiersOpened int `json:"dossiers_opened"`
}

// Compute makes the figures of period p from the rows in in, reading states on today. bodyID is the
// body the rows belong to, or 0 when they cover all bodies.
func Compute(in Input, p Period, bodyID int64, today model.Date) Figures {
	f := Figures{Period: p, Label: p.Label(), From: p.From(), To: p.To(), AsOf: p.asOf(today), BodyID: bodyID,
		Bodies: []string{}, Quarters: []QuarterFigures{}}
	for _, b := range in.Bodies {
		f.Bodies = append(f.Bodies, b.Name)
	}
	hidden := in.withheldOn(today)
	f.Agendas = agendas(in.Meetings, p, today)
	f.Meetings = meetings(in, p, today)
	f.Actions = actions(in.Actions, p, today, hidden)
	f.Dossiers = dossiers(in.Dossiers, p)
	f.Letters = letters(in.Letters, p)
	f.Secrecy = secrecy(in.Impositions, p, today)
	f.Training = training(in.Members, p.Year)
	if p.Quarter == 0 {
		for _, q := range p.Quarters() {
			f.Quarters = append(f.Quarters, quarter(in, q, today, hidden))
		}
	}
	return f
}

func quarter(in Input, q Period, today model.Date, hidden withheld) QuarterFigures {
	ag := agendas(in.Meetings, q, today)
	mt := meetings(in, q, today)
	ac := actions(in.Actions, q, today, hidden)
	out := QuarterFigures{Quarter: q.Quarter, Meetings: mt.Held, AgendasOnTime: ag.OnTime, AgendasLate: ag.Late,
		ActionsOpened: ac.Opened, ActionsClosed: ac.Closed, LettersSent: letters(in.Letters, q).Sent}
	for _, d := range in.Dossiers {
		if q.Contains(d.StartedOn) {
			out.DossiersOpened++
		}
	}
	return out
}

// median of whole days; 0 for none. An even count takes the lower middle, so it is always a day count
// that occurred.
func median(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

func maxOf(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	return slices.Max(ns)
}
