// Package inzicht turns a council's rows (meetings, actions, dossiers, letters, impositions, training
// days) into the figures of Inzicht and the jaarverslag: how the council works, per year or quarter,
// for one body or all. It is pure aggregation: feed rows, get figures; no I/O and no clock.
package inzicht

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// Period is a calendar year, or one quarter of it (Quarter 1..4; 0 is the whole year).
type Period struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"`
}

// Year is the whole calendar year y.
func Year(y int) Period { return Period{Year: y} }

// From is the first day of the period.
func (p Period) From() model.Date {
	if p.Quarter == 0 {
		return model.NewDate(p.Year, 1, 1)
	}
	return model.NewDate(p.Year, 1, 1).AddMonths(3 * (p.Quarter - 1))
}

// To is the last day of the period.
func (p Period) To() model.Date {
	if p.Quarter == 0 {
		return model.NewDate(p.Year, 12, 31)
	}
	return p.From().AddMonths(3).AddDays(-1)
}

// Contains reports whether d falls in the period; a zero date never does.
func (p Period) Contains(d model.Date) bool {
	return !d.IsZero() && !d.Before(p.From()) && !d.After(p.To())
}

// Label is the period in Dutch: "2025" or "K2 2025".
func (p Period) Label() string {
	if p.Quarter == 0 {
		return fmt.Sprint(p.Year)
	}
	return fmt.Sprintf("K%d %d", p.Quarter, p.Year)
}

// Quarters are the four quarters of the period's year.
func (p Period) Quarters() []Period {
	return []Period{{p.Year, 1}, {p.Year, 2}, {p.Year, 3}, {p.Year, 4}}
}

// Next cycles year → K1 → K2 → K3 → K4 → year, within one year.
func (p Period) Next() Period { return Period{p.Year, (p.Quarter + 1) % 5} }

// asOf is the day the period's state is read on: its last day, or today while it is still running.
func (p Period) asOf(today model.Date) model.Date {
	if today.Before(p.To()) {
		return today
	}
	return p.To()
}
