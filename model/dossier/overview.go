package dossier

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Sources of a line in the overview.
const (
	SourceDossier = "dossier"
	SourceMeeting = "vergadering"
	SourceArt24   = "art24"
)

// States of a line, in words that read without colour.
const (
	StateOpen    = "open"
	StateToday   = "vandaag"
	StateOverdue = "verlopen"
)

// Due is one deadline in the overview of what is due, with where it comes from.
type Due struct {
	BodyID    int64            `json:"body_id"`
	Body      string           `json:"body"`
	Source    string           `json:"source"`
	DossierID int64            `json:"dossier_id,omitempty"`
	MeetingID int64            `json:"meeting_id,omitempty"`
	Subject   string           `json:"subject"` // the dossier's title or the meeting
	Days      int              `json:"days"`    // from today to the end; negative when expired
	State     string           `json:"state"`
	Remaining string           `json:"remaining"` // "vandaag", "morgen", "6 dagen", "verlopen"
	Deadline  termijn.Deadline `json:"deadline"`
}

// Art24Line is the art 24 state of one body.
type Art24Line struct {
	BodyID int64  `json:"body_id"`
	Body   string `json:"body"`
	termijn.Art24
}

// MeetingLine is an upcoming meeting with where its agenda stands.
type MeetingLine struct {
	model.Meeting
	Agenda string `json:"agenda_state"` // "verzonden", "te versturen", "te laat", "geen termijn"
}

// Overview is what is due for one or more bodies.
type Overview struct {
	Today    model.Date    `json:"today"`
	Items    []Due         `json:"items"`
	Art24    []Art24Line   `json:"art24"`
	Meetings []MeetingLine `json:"meetings"`
}

// Input is what the overview is built from.
type Input struct {
	Today    model.Date
	Calendar termijn.Calendar
	Bodies   []model.Body
	Dossiers []Dossier       // with their events; closed ones add nothing
	Meetings []model.Meeting // at least those from 1 January of today's year on
}

// MaxMeetings is how many upcoming meetings the overview lists.
const MaxMeetings = 5

// Build collects every term that asks for action, from OverdueDays ago on, sorted by end date: the open
// terms of open dossiers; the agenda of each upcoming meeting not yet sent (art 14 lid 2 sub g); an OV
// asked for with reasons (art 23 lid 1); and, under the WOR, the second art 24 OV of the year when it is
// neither held nor planned.
func Build(in Input) Overview {
	ov := Overview{Today: in.Today, Items: []Due{}, Art24: []Art24Line{}, Meetings: []MeetingLine{}}
	from := in.Today.AddDays(-OverdueDays)
	add := func(b model.Body, src string, dossierID, meetingID int64, subject string, dl termijn.Deadline) {
		if dl.End.Before(from) {
			return
		}
		ov.Items = append(ov.Items, Due{BodyID: b.ID, Body: b.Name, Source: src, DossierID: dossierID,
			MeetingID: meetingID, Subject: subject, Deadline: dl, Days: in.Today.DaysUntil(dl.End),
			State: State(in.Today, dl.End), Remaining: Remaining(in.Today, dl.End)})
	}
	for _, b := range in.Bodies {
		set := termijn.RuleSet(b.RuleSet)
		for _, d := range in.Dossiers {
			if d.BodyID != b.ID {
				continue
			}
			if _, closed := d.Closed(); closed {
				continue
			}
			for _, t := range Terms(d, set, in.Calendar) {
				if t.Done == "" {
					add(b, SourceDossier, d.ID, 0, d.Title, t.Deadline)
				}
			}
		}
		var held, planned int
		for _, m := range in.Meetings {
			if m.BodyID != b.ID || m.Status == model.MeetingCancelled {
				continue
			}
			if m.Kind == model.MeetingOV && m.Art24 && m.Date.Year() == in.Today.Year() {
				if m.Date.Before(in.Today) || m.Status == model.MeetingHeld {
					held++
				} else {
					planned++
				}
			}
			if m.Date.Before(in.Today) || m.Status == model.MeetingHeld {
				continue
			}
			if due, ok := agendaDue(m, set, in.Calendar); ok && m.AgendaSent.IsZero() {
				add(b, SourceMeeting, 0, m.ID, m.Title(), due)
			}
			if m.Kind == model.MeetingOV && !m.OVRequested.IsZero() {
				if dl, err := termijn.Calc(set, termijn.CodeOVVerzoek, m.OVRequested, in.Calendar); err == nil {
					note := "gepland op " + m.Date.Short()
					if m.Date.After(dl.End) {
						note += fmt.Sprintf(": %s na de termijn", days(dl.End.DaysUntil(m.Date)))
					}
					dl.Note = join(dl.Note, note)
					add(b, SourceMeeting, 0, m.ID, "verzocht op "+m.OVRequested.Short(), dl)
				}
			}
			if len(ov.Meetings) < MaxMeetings {
				ov.Meetings = append(ov.Meetings, MeetingLine{Meeting: m, Agenda: agendaState(m, set, in)})
			}
		}
		if set == termijn.WOR {
			s := termijn.Art24Status(in.Today.Year(), held, planned)
			ov.Art24 = append(ov.Art24, Art24Line{BodyID: b.ID, Body: b.Name, Art24: s})
			if s.Missing > 0 && !s.Covered {
				add(b, SourceArt24, 0, 0, fmt.Sprintf("%d van 2 gehouden in %d", s.Held, s.Year),
					art24Deadline(s))
			}
		}
	}
	slices.SortStableFunc(ov.Items, func(a, b Due) int {
		return cmp.Or(a.Deadline.End.Compare(b.Deadline.End), cmp.Compare(a.BodyID, b.BodyID))
	})
	slices.SortStableFunc(ov.Meetings, func(a, b MeetingLine) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start))
	})
	return ov
}

// agendaDue is the day the agenda of m must go out, for the meetings that have such a day: the OR's own
// meetings and commissions (art 14 lid 2 sub g WOR) and the OV by practice.
func agendaDue(m model.Meeting, set termijn.RuleSet, cal termijn.Calendar) (termijn.Deadline, bool) {
	switch m.Kind {
	case model.MeetingOR, model.MeetingCommissie, model.MeetingOV:
	default:
		return termijn.Deadline{}, false
	}
	dl, err := termijn.Calc(set, termijn.CodeAgenda, m.Date, cal)
	if err != nil {
		return termijn.Deadline{}, false
	}
	if m.Urgent {
		dl.Note = join(dl.Note, "spoedeisend: later versturen mag")
	}
	return dl, true
}

func agendaState(m model.Meeting, set termijn.RuleSet, in Input) string {
	if !m.AgendaSent.IsZero() {
		return "verzonden"
	}
	due, ok := agendaDue(m, set, in.Calendar)
	switch {
	case !ok:
		return "geen termijn"
	case due.End.Before(in.Today) && !m.Urgent:
		return "te laat"
	case due.End.Equal(in.Today):
		return "vandaag versturen"
	}
	return "te versturen"
}

// art24Deadline makes the art 24 duty a dated line: the year ends on 31 December.
func art24Deadline(s termijn.Art24) termijn.Deadline {
	end := model.NewDate(s.Year, time.December, 31)
	return termijn.Deadline{
		Rule: "art24", Title: "Algemene gang van zaken bespreken", Article: "art 24 WOR",
		StartEvent: fmt.Sprintf("kalenderjaar %d", s.Year), Start: model.NewDate(s.Year, time.January, 1),
		RawEnd: end, End: end, Statutory: true, Note: s.Warning,
		Explanation: fmt.Sprintf("ten minste twee keer per kalenderjaar; in %d gehouden: %d, gepland: %d",
			s.Year, s.Held, s.Planned),
	}
}

// State says whether end is past, today or still to come.
func State(today, end model.Date) string {
	switch n := today.DaysUntil(end); {
	case n < 0:
		return StateOverdue
	case n == 0:
		return StateToday
	}
	return StateOpen
}

// Remaining says how far end is, in words: "vandaag", "morgen", "6 dagen", "verlopen".
func Remaining(today, end model.Date) string {
	switch n := today.DaysUntil(end); {
	case n < 0:
		return "verlopen"
	case n == 0:
		return "vandaag"
	case n == 1:
		return "morgen"
	default:
		return fmt.Sprintf("%d dagen", n)
	}
}

func days(n int) string {
	if n == 1 {
		return "1 dag"
	}
	return fmt.Sprintf("%d dagen", n)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
