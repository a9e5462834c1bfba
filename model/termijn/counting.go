package termijn

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// Unit is the unit a term is expressed in. The codes are the Dutch words the UI and JSON use.
type Unit string

const (
	Days   Unit = "dagen"
	Weeks  Unit = "weken"
	Months Unit = "maanden"
)

// Direction says whether a term runs forward from an event (an appeal within a month) or is counted back
// from one (an agenda 7 days before a meeting). The Atw never moves a backward term (Atw art 1 lid 2).
type Direction string

const (
	Forward  Direction = "vooruit"
	Backward Direction = "terug"
)

// Add counts n units from d; n may be negative. Months keep the day number, or end on the last day of a
// shorter month (31 Jan + 1 month = 28 or 29 Feb), as the law counts months.
func Add(d model.Date, n int, u Unit) model.Date {
	switch u {
	case Weeks:
		return d.AddDays(7 * n)
	case Months:
		return d.AddMonths(n)
	default:
		return d.AddDays(n)
	}
}

// Extend applies the Algemene termijnenwet to the raw end of a statutory forward term that started on
// start: art 1 moves an end on a Saturday, Sunday or holiday to the next working day, and art 2 makes a
// term of at least three days hold at least two working days (start itself not counted).
func (c Calendar) Extend(start, rawEnd model.Date) model.Date {
	end := rawEnd
	for !c.IsWorkingDay(end) {
		end = end.AddDays(1)
	}
	if start.DaysUntil(rawEnd) >= 3 {
		for c.workingDaysBetween(start, end) < 2 {
			end = end.AddDays(1)
			for !c.IsWorkingDay(end) {
				end = end.AddDays(1)
			}
		}
	}
	return end
}

// workingDaysBetween counts the working days after from, up to and including to.
func (c Calendar) workingDaysBetween(from, to model.Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// amountText writes an amount in Dutch with the right number: "1 maand", "2 weken", "7 dagen".
func amountText(n int, u Unit) string {
	if n == 1 || n == -1 {
		switch u {
		case Weeks:
			return fmt.Sprintf("%d week", n)
		case Months:
			return fmt.Sprintf("%d maand", n)
		default:
			return fmt.Sprintf("%d dag", n)
		}
	}
	if u == "" {
		u = Days
	}
	return fmt.Sprintf("%d %s", n, u)
}
