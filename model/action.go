package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// ActionStatus is where an actiepunt stands.
type ActionStatus string

const (
	ActionOpen      ActionStatus = "open"
	ActionBusy      ActionStatus = "bezig"
	ActionDone      ActionStatus = "gereed"
	ActionCancelled ActionStatus = "vervallen"
)

// ActionStatuses lists the statuses in the order the UI offers them.
var ActionStatuses = []ActionStatus{ActionOpen, ActionBusy, ActionDone, ActionCancelled}

// Closed reports whether the status ends the action (gereed or vervallen).
func (s ActionStatus) Closed() bool { return s == ActionDone || s == ActionCancelled }

// ValidActionStatus reports whether s is one of ActionStatuses.
func ValidActionStatus(s ActionStatus) bool {
	for _, v := range ActionStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// OwnerAS is the owner name for the ambtelijk secretaris, who is not a member.
const OwnerAS = "AS"

// Action is an actiepunt: what, who, for when, where it came from, and how often it was postponed.
type Action struct {
	ID          int64        `json:"id"`
	BodyID      int64        `json:"body_id"`
	Description string       `json:"description"`
	Owner       string       `json:"owner"`
	Due         Date         `json:"due"`
	Status      ActionStatus `json:"status"`
	// MeetingID and AgendaItemID say where the action was agreed; 0 if it was added directly.
	MeetingID    int64 `json:"meeting_id,omitempty"`
	AgendaItemID int64 `json:"agenda_item_id,omitempty"`
	DossierID    int64 `json:"dossier_id,omitempty"`
	// DecisionID links the action to the decision it carries out; 0 if none.
	DecisionID int64  `json:"decision_id,omitempty"`
	Notes      string `json:"notes"`
	Created    Date   `json:"created_on"`
	Closed     Date   `json:"closed_on"`
	// Postponed counts how often the due date moved later.
	Postponed    int   `json:"postponed"`
	ImpositionID int64 `json:"imposition_id,omitempty"`
	Version      int64 `json:"version"`

	// Read-only context filled in by list queries, for display.
	MeetingTitle string `json:"meeting,omitempty"`
	ItemTitle    string `json:"agenda_item,omitempty"`
	DossierTitle string `json:"dossier,omitempty"`
	// DecisionNumber is the number of the linked decision ("2025-004").
	DecisionNumber string `json:"decision,omitempty"`
	MeetingDate    Date   `json:"-"`
}

// Validate checks the fields a user fills in.
func (a Action) Validate() error {
	if strings.TrimSpace(a.Description) == "" {
		return Invalid("description", "omschrijving is verplicht: wat moet er gebeuren?")
	}
	if len([]rune(a.Description)) > 500 {
		return Invalid("description", "omschrijving is te lang (meer dan 500 tekens)")
	}
	if strings.TrimSpace(a.Owner) == "" {
		return Invalid("owner", "eigenaar is verplicht: wie pakt de actie op?")
	}
	if len([]rune(a.Owner)) > 200 {
		return Invalid("owner", "naam van de eigenaar is te lang (meer dan 200 tekens)")
	}
	if a.Status != "" && !ValidActionStatus(a.Status) {
		return Invalid("status", "onbekende status: kies open, bezig, gereed of vervallen")
	}
	if len([]rune(a.Notes)) > 5000 {
		return Invalid("notes", "notities zijn te lang (meer dan 5000 tekens)")
	}
	return nil
}

// CheckDue refuses a due date before the meeting the action came from.
func CheckDue(due, meeting Date) error {
	if !due.IsZero() && !meeting.IsZero() && due.Before(meeting) {
		return Invalid("due", fmt.Sprintf("de datum %s ligt voor de vergadering van %s", due.Short(), meeting.Short()))
	}
	return nil
}

// IsOpen reports whether the action still needs doing (open or bezig).
func (a Action) IsOpen() bool { return !a.Status.Closed() }

// OverdueDays is how many days past its due date an open action is on day; 0 when it is not late.
// Worked example 8 (wor.md): due Tue 28-01-2025, on Tue 11-02-2025 it is 14 days overdue.
func (a Action) OverdueDays(day Date) int {
	if !a.IsOpen() || a.Due.IsZero() || !day.After(a.Due) {
		return 0
	}
	return a.Due.DaysUntil(day)
}

// LateText says it in words next to the colour: "te laat (1 dag)", "te laat (14 dagen)"; "" when on time.
func LateText(days int) string {
	switch {
	case days <= 0:
		return ""
	case days == 1:
		return "te laat (1 dag)"
	}
	return fmt.Sprintf("te laat (%d dagen)", days)
}

// DueThisWeek reports whether an open action falls due from today up to and including the coming Sunday.
func (a Action) DueThisWeek(today Date) bool {
	if !a.IsOpen() || a.Due.IsZero() || a.Due.Before(today) {
		return false
	}
	return !a.Due.After(WeekEnd(today))
}

// OpenAsOf reports whether the action was open on day: agreed on or before it and not yet closed then.
// The actielijst of a meeting shows these, as they stood on the meeting's date.
func (a Action) OpenAsOf(day Date) bool {
	start := a.Created
	if !a.MeetingDate.IsZero() {
		start = a.MeetingDate
	}
	if !start.IsZero() && start.After(day) {
		return false
	}
	if a.Status.Closed() {
		return !a.Closed.IsZero() && a.Closed.After(day)
	}
	return true
}

// ActionChange is one line of an action's history: what changed, from what to what, and when.
type ActionChange struct {
	ID       int64     `json:"id"`
	ActionID int64     `json:"action_id"`
	Batch    int64     `json:"batch"`
	At       time.Time `json:"at"`
	Field    string    `json:"field"`
	Old      string    `json:"old"`
	New      string    `json:"new"`
	// Undo marks the lines that record an undo; Undone marks a change that was undone.
	Undo   bool `json:"undo"`
	Undone bool `json:"undone"`
}

// History field names for what is not a field change.
const (
	FieldCreated = "aangemaakt"
	FieldDeleted = "verwijderd"
)

// FieldLabel is the Dutch name of a history field.
func FieldLabel(field string) string {
	switch field {
	case "description":
		return "omschrijving"
	case "owner":
		return "eigenaar"
	case "due":
		return "datum"
	case "status":
		return "status"
	case "dossier_id":
		return "dossier"
	case "decision_id":
		return "besluit"
	case "notes":
		return "notities"
	case "postponed":
		return "keer uitgesteld"
	case "closed_on":
		return "afgesloten op"
	}
	return field
}

// Apply works out what saving next over old means: the postponement count goes up when the due date
// moves later, the closed date follows the status, and every changed field becomes a history line.
// Fields the user cannot change here (origin, created, version) are taken from old.
func Apply(old, next Action, today Date) (Action, []ActionChange) {
	out := old
	out.Description, out.Owner, out.Due, out.Status = next.Description, next.Owner, next.Due, next.Status
	out.DossierID, out.DecisionID, out.Notes, out.ImpositionID = next.DossierID, next.DecisionID, next.Notes, next.ImpositionID
	if out.Status == "" {
		out.Status = ActionOpen
	}
	if Postponement(old.Due, out.Due) {
		out.Postponed++
	}
	switch {
	case out.Status.Closed() && !old.Status.Closed():
		out.Closed = today
	case !out.Status.Closed():
		out.Closed = Date{}
	}
	var ch []ActionChange
	add := func(field, o, n string) {
		if o != n {
			ch = append(ch, ActionChange{ActionID: old.ID, Field: field, Old: o, New: n})
		}
	}
	add("description", old.Description, out.Description)
	add("owner", old.Owner, out.Owner)
	add("due", old.Due.String(), out.Due.String())
	add("status", string(old.Status), string(out.Status))
	add("dossier_id", idText(old.DossierID), idText(out.DossierID))
	add("decision_id", idText(old.DecisionID), idText(out.DecisionID))
	add("notes", old.Notes, out.Notes)
	// Derived fields are recorded too, so that undo restores them exactly.
	add("postponed", fmt.Sprint(old.Postponed), fmt.Sprint(out.Postponed))
	add("closed_on", old.Closed.String(), out.Closed.String())
	return out, ch
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprint(id)
}

// Postponement reports whether moving a due date from old to next counts as postponing: only a move
// later does; setting a first date or moving it earlier does not.
func Postponement(old, next Date) bool {
	return !old.IsZero() && !next.IsZero() && next.After(old)
}

// ActionFilter selects actions in the list.
type ActionFilter struct {
	Owner     string
	OpenOnly  bool
	Overdue   bool
	MeetingID int64
	DossierID int64
}

// Match reports whether a passes the filter on day.
func (f ActionFilter) Match(a Action, day Date) bool {
	switch {
	case f.Owner != "" && !strings.EqualFold(f.Owner, a.Owner):
		return false
	case f.OpenOnly && !a.IsOpen():
		return false
	case f.Overdue && a.OverdueDays(day) == 0:
		return false
	case f.MeetingID != 0 && f.MeetingID != a.MeetingID:
		return false
	case f.DossierID != 0 && f.DossierID != a.DossierID:
		return false
	}
	return true
}

// SortByDue orders actions by due date (no date last), then by number.
func SortByDue(list []Action) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Due.IsZero() != b.Due.IsZero() {
			return !a.Due.IsZero()
		}
		if c := a.Due.Compare(b.Due); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
}

// Number is the short label of an action in lists: "A-41".
func (a Action) Number() string { return fmt.Sprintf("A-%d", a.ID) }

// ActionsDue is what Overzicht shows: open actions past their date and those due this week. The lists
// may hold only the first DueListed of each group (by due date); the totals count them all.
type ActionsDue struct {
	Overdue       []Action `json:"overdue"`
	ThisWeek      []Action `json:"this_week"`
	OverdueTotal  int      `json:"overdue_total"`
	ThisWeekTotal int      `json:"this_week_total"`
}

// DueListed is how many actions of each group of ActionsDue the store reads; Overzicht shows fewer.
const DueListed = 20

// WeekEnd is the Sunday that ends today's week (today itself on a Sunday): "due this week" runs from
// today to it.
func WeekEnd(today Date) Date {
	return today.AddDays((7 - int(today.Weekday())) % 7)
}

// SplitDue sorts open actions into overdue and due this week, each by due date.
func SplitDue(list []Action, today Date) ActionsDue {
	out := ActionsDue{Overdue: []Action{}, ThisWeek: []Action{}}
	for _, a := range list {
		switch {
		case a.OverdueDays(today) > 0:
			out.Overdue = append(out.Overdue, a)
		case a.DueThisWeek(today):
			out.ThisWeek = append(out.ThisWeek, a)
		}
	}
	SortByDue(out.Overdue)
	SortByDue(out.ThisWeek)
	out.OverdueTotal, out.ThisWeekTotal = len(out.Overdue), len(out.ThisWeek)
	return out
}

// Owners lists who can own an action: the members, the bestuurder and the AS, without duplicates.
func Owners(members []Member, bestuurder string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		if n = strings.TrimSpace(n); n != "" && !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	for _, m := range members {
		add(m.Name)
	}
	add(bestuurder)
	add(OwnerAS)
	return out
}
