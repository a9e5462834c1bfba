package inzicht

import (
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Training minimums of art 18 WOR, in days a year.
const (
	MinOR           = 5 // a member of the OR
	MinORCommission = 8 // an OR member who also sits on a commission
	MinCommission   = 3 // a commission member who is not an OR member
)

// TrainingMinimum is the art 18 minimum for a member of a body of kind k; 0 where art 18 does not
// apply (an MR or a cliëntenraad has its own rules), or where the member's OR seat already counts.
func TrainingMinimum(k model.BodyKind, m Member) int {
	switch k {
	case model.KindOR, model.KindCOR:
		if m.Commission {
			return MinORCommission
		}
		return MinOR
	case model.KindOnderdeel:
		if m.AlsoOR {
			return 0
		}
		return MinCommission
	}
	return 0
}

// TrainingFigures are the training days of the year against the art 18 minimum. Per member, since the
// right is each member's own.
type TrainingFigures struct {
	Year    int           `json:"year"`
	Days    float64       `json:"days"`
	Minimum int           `json:"minimum"`
	Below   int           `json:"below_minimum"`
	Members []TrainingRow `json:"members"`
}

// TrainingRow is one member's days.
type TrainingRow struct {
	MemberID int64   `json:"member_id"`
	Name     string  `json:"name"`
	BodyID   int64   `json:"body_id"`
	Days     float64 `json:"days"`
	Minimum  int     `json:"minimum"`
}

func training(ms []Member, year int) TrainingFigures {
	f := TrainingFigures{Year: year, Members: []TrainingRow{}}
	for _, m := range ms {
		if !Serving(m.Member, year) {
			continue
		}
		min := TrainingMinimum(m.BodyKind, m)
		f.Members = append(f.Members, TrainingRow{MemberID: m.ID, Name: m.Name, BodyID: m.BodyID, Days: m.TrainingDays, Minimum: min})
		f.Days += m.TrainingDays
		f.Minimum += min
		if m.TrainingDays < float64(min) {
			f.Below++
		}
	}
	slices.SortStableFunc(f.Members, func(a, b TrainingRow) int {
		if a.BodyID != b.BodyID {
			return int(a.BodyID - b.BodyID)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return f
}

// Serving reports whether a member's term of office overlaps the calendar year; a member without term
// dates counts as serving.
func Serving(m model.Member, year int) bool {
	y := Year(year)
	return (m.TermStart.IsZero() || !m.TermStart.After(y.To())) && (m.TermEnd.IsZero() || !m.TermEnd.Before(y.From()))
}
