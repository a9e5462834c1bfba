package termijn

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// Art24 is the state of the art 24 WOR duty for one calendar year: the algemene gang van zaken must be
// discussed in an overlegvergadering at least twice a calendar year.
type Art24 struct {
	Year    int    `json:"year"`
	Held    int    `json:"held"`
	Planned int    `json:"planned"`
	Missing int    `json:"missing"` // art 24 meetings still needed this year, 0 when the duty is met
	Covered bool   `json:"covered"` // held plus planned reach two
	Warning string `json:"warning"` // Dutch, "" when the duty is met
}

// Art24Status checks the art 24 duty for year, the calendar year being looked at (normally today's), given
// how many art 24 meetings were held and how many are still planned in it.
func Art24Status(year int, held, planned int) Art24 {
	s := Art24{Year: year, Held: held, Planned: planned, Missing: max(0, 2-held)}
	s.Covered = held+planned >= 2
	if s.Missing == 0 {
		return s
	}
	need := "nog één overlegvergadering"
	if s.Missing == 2 {
		need = "nog twee overlegvergaderingen"
	}
	keer := fmt.Sprintf("%d keer", held)
	if held == 0 {
		keer = "nog niet"
	}
	s.Warning = fmt.Sprintf("in %d is de algemene gang van zaken %s in een overlegvergadering besproken "+
		"(art 24 WOR: ten minste twee keer per kalenderjaar); %s over de algemene gang van zaken nodig in %d",
		year, keer, need, year)
	switch {
	case s.Covered:
		s.Warning += fmt.Sprintf(" (%d gepland)", planned)
	case planned > 0:
		s.Warning += fmt.Sprintf(" (%d gepland, te weinig)", planned)
	default:
		s.Warning += " (niets gepland)"
	}
	return s
}

// AgendaLate reports whether an agenda sent on sent reached the members too late for the meeting: later
// than days before it (art 14 lid 2 sub g WOR; days <= 0 means the statutory 7). An urgent meeting is
// never late. The warning is Dutch and "" when the agenda was on time.
func AgendaLate(meeting, sent model.Date, urgent bool, days int) (bool, string) {
	if urgent || meeting.IsZero() || sent.IsZero() {
		return false, ""
	}
	r := AgendaRule(days)
	due := Add(meeting, -r.Amount, r.Unit)
	if !sent.After(due) {
		return false, ""
	}
	late := due.DaysUntil(sent)
	dagen := "1 dag"
	if late != 1 {
		dagen = fmt.Sprintf("%d dagen", late)
	}
	return true, fmt.Sprintf("agenda verstuurd op %s, uiterlijk %s (%s vóór de vergadering van %s, %s): "+
		"%s te laat, tenzij de vergadering spoedeisend is", sent.Short(), due.Short(),
		amountText(r.Amount, r.Unit), meeting.Short(), r.Article, dagen)
}
