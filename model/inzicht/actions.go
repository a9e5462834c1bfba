package inzicht

import (
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// ActionFigures say whether actions get done: opened and closed in the period, overdue on its last day
// (or today), how long closing took, which were postponed most, and the same per owner.
type ActionFigures struct {
	Opened int `json:"opened"`
	// Closed counts actions closed in the period: Done (gereed) plus Cancelled (vervallen).
	Closed    int `json:"closed"`
	Done      int `json:"done"`
	Cancelled int `json:"cancelled"`
	// Open and Overdue are read on the period's AsOf day.
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
	// Days from agreeing to closing, over the actions done (gereed) in the period.
	MedianDaysToClose int `json:"median_days_to_close"`
	MaxDaysToClose    int `json:"max_days_to_close"`
	// MostPostponed lists up to three actions in play in the period that were postponed at least once.
	MostPostponed []Postponed  `json:"most_postponed"`
	Owners        []OwnerCount `json:"owners"`
}

// Postponed is one often postponed action. A confidential action (under a withheld imposition) shows
// neither its description: Confidential is set and Description is empty.
type Postponed struct {
	ID           int64  `json:"id"`
	Number       string `json:"number"`
	Description  string `json:"description"`
	Owner        string `json:"owner"`
	Postponed    int    `json:"postponed"`
	Confidential bool   `json:"confidential"`
}

// OwnerCount is one owner's actions in the period.
type OwnerCount struct {
	Owner   string `json:"owner"`
	Opened  int    `json:"opened"`
	Closed  int    `json:"closed"`
	Open    int    `json:"open"`
	Overdue int    `json:"overdue"`
}

// openOn reports whether an action was open at the end of day: agreed by then and not closed yet.
func openOn(a model.Action, day model.Date) bool {
	if a.Created.IsZero() || a.Created.After(day) {
		return false
	}
	if a.Status.Closed() {
		// a closed action without a closing day counts as closed all along
		return !a.Closed.IsZero() && a.Closed.After(day)
	}
	return true
}

func actions(as []model.Action, p Period, today model.Date, hidden withheld) ActionFigures {
	f := ActionFigures{MostPostponed: []Postponed{}, Owners: []OwnerCount{}}
	asOf := p.asOf(today)
	owners := map[string]*OwnerCount{}
	owner := func(name string) *OwnerCount {
		key := strings.ToLower(strings.TrimSpace(name))
		if owners[key] == nil {
			owners[key] = &OwnerCount{Owner: strings.TrimSpace(name)}
		}
		return owners[key]
	}
	var days []int
	var play []model.Action
	for _, a := range as {
		opened, closed := p.Contains(a.Created), a.Status.Closed() && p.Contains(a.Closed)
		open := openOn(a, asOf)
		late := open && !a.Due.IsZero() && asOf.After(a.Due)
		if opened {
			f.Opened++
			owner(a.Owner).Opened++
		}
		if closed {
			f.Closed++
			owner(a.Owner).Closed++
			if a.Status == model.ActionDone {
				f.Done++
				days = append(days, a.Created.DaysUntil(a.Closed))
			} else {
				f.Cancelled++
			}
		}
		if open {
			f.Open++
			owner(a.Owner).Open++
		}
		if late {
			f.Overdue++
			owner(a.Owner).Overdue++
		}
		if (opened || closed || open) && a.Postponed > 0 {
			play = append(play, a)
		}
	}
	f.MedianDaysToClose, f.MaxDaysToClose = median(days), maxOf(days)
	slices.SortStableFunc(play, func(a, b model.Action) int {
		if a.Postponed != b.Postponed {
			return b.Postponed - a.Postponed
		}
		return int(a.ID - b.ID)
	})
	for _, a := range play[:min(3, len(play))] {
		pp := Postponed{ID: a.ID, Number: a.Number(), Description: a.Description, Owner: a.Owner, Postponed: a.Postponed}
		if hidden(a.ImpositionID) {
			pp.Description, pp.Confidential = "", true
		}
		f.MostPostponed = append(f.MostPostponed, pp)
	}
	for _, o := range owners {
		f.Owners = append(f.Owners, *o)
	}
	slices.SortFunc(f.Owners, func(a, b OwnerCount) int {
		if a.Opened+a.Open != b.Opened+b.Open {
			return (b.Opened + b.Open) - (a.Opened + a.Open)
		}
		return strings.Compare(a.Owner, b.Owner)
	})
	return f
}
