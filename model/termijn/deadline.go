package termijn

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Deadline is a computed term with everything the user needs to trust it: the rule and article, the event
// it counts from, the raw end and the end after the Atw. The JSON shape is the same wherever a deadline
// appears (CLI, exports).
type Deadline struct {
	Rule        string     `json:"rule"`
	Title       string     `json:"title"`
	Article     string     `json:"article"`
	StartEvent  string     `json:"start_event"`
	Start       model.Date `json:"start"`
	RawEnd      model.Date `json:"raw_end"`
	End         model.Date `json:"end"`
	Moved       bool       `json:"moved"`
	Statutory   bool       `json:"statutory"` // false: a term agreed with the bestuurder ("afgesproken termijn")
	Note        string     `json:"note"`
	Explanation string     `json:"explanation"`
}

// Compute counts rule from start. A statutory forward term the Atw applies to is extended past weekends
// and holidays; a backward term keeps its date and gets a note when that date is not a working day, so
// the secretary can act earlier.
func Compute(rule Rule, start model.Date, cal Calendar) Deadline {
	n := rule.Amount
	if rule.Direction == Backward {
		n = -n
	}
	raw := Add(start, n, rule.Unit)
	d := Deadline{
		Rule: rule.Code, Title: rule.Title, Article: rule.Article, StartEvent: rule.StartEvent,
		Start: start, RawEnd: raw, End: raw, Statutory: rule.Statutory,
	}
	op := "+"
	if rule.Direction == Backward {
		op = "−"
	}
	expl := fmt.Sprintf("%s %s %s = %s", start.Compact(), op, amountText(rule.Amount, rule.Unit), raw.Short())
	var notes []string
	if what := cal.whatDay(raw); what != "" {
		notes = append(notes, "valt op "+what)
	}
	switch {
	case rule.Direction == Backward:
		if !cal.IsWorkingDay(raw) {
			expl += "; niet verschoven (Atw art 1 lid 2: terugrekenen)"
		}
	case rule.Statutory && rule.Atw:
		if end := cal.Extend(start, raw); !end.Equal(raw) {
			d.End, d.Moved = end, true
			expl += "; " + atwArticles(cal, raw, end) + " → " + end.Short()
		}
	case !rule.Statutory && !cal.IsWorkingDay(raw):
		notes = append(notes, "afgesproken termijn: de Atw verlengt hem niet")
	}
	if rule.Code == CodeAgenda && rule.Amount != DefaultAgendaDays {
		notes = append(notes, fmt.Sprintf("termijn volgens reglement: %s", amountText(rule.Amount, rule.Unit)))
	}
	if rule.Code == CodeOpschorting {
		notes = append(notes, "uitvoering op zijn vroegst "+d.End.AddDays(1).Short())
	}
	d.Explanation = expl
	d.Note = strings.Join(notes, "; ")
	return d
}

// atwArticles names the Atw articles that moved raw to end: art 1 alone in all but odd short terms.
func atwArticles(cal Calendar, raw, end model.Date) string {
	art1 := raw
	for !cal.IsWorkingDay(art1) {
		art1 = art1.AddDays(1)
	}
	switch {
	case art1.Equal(end):
		return "Atw art 1"
	case art1.Equal(raw):
		return "Atw art 2"
	default:
		return "Atw art 1 en 2"
	}
}

// Agreed is the deadline of a term the bestuurder asked for or the parties agreed on (for example "advies
// binnen 6 weken"). It is never statutory and the Atw does not move it.
func Agreed(description string, start, end model.Date, cal Calendar) Deadline {
	if strings.TrimSpace(description) == "" {
		description = "afgesproken termijn"
	}
	d := Deadline{
		Rule: CodeAfgesproken, Title: "Afgesproken termijn", Article: "geen wettelijke termijn",
		StartEvent: description, Start: start, RawEnd: end, End: end, Statutory: false,
		Explanation: "afgesproken termijn: " + description + ", uiterlijk " + end.Short(),
	}
	notes := []string{"afgesproken termijn, geen wettelijke termijn"}
	if what := cal.whatDay(end); what != "" {
		notes = append(notes, "valt op "+what)
	}
	d.Note = strings.Join(notes, "; ")
	return d
}

// Remaining says in Dutch how far the end of d is from today: "nog 5 dagen", "morgen", "vandaag",
// "verlopen (3 dagen)"; "" when the deadline has no end.
func Remaining(today model.Date, d Deadline) string {
	if d.End.IsZero() || today.IsZero() {
		return ""
	}
	if today.DaysUntil(d.End) > 1 {
		return "nog " + model.Distance(today, d.End)
	}
	return model.Distance(today, d.End)
}
