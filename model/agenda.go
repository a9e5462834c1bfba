package model

import (
	"fmt"
	"strings"
)

// Purposes lists the purposes in the order the UI offers them.
var Purposes = []Purpose{PurposeInformatie, PurposeBespreking, PurposeBesluitvorming, PurposeAdvies, PurposeInstemming}

// ValidPurpose reports whether p is one of Purposes.
func ValidPurpose(p Purpose) bool {
	for _, q := range Purposes {
		if q == p {
			return true
		}
	}
	return false
}

// Label is the Dutch display text of a status: "agenda verzonden".
func (s MeetingStatus) Label() string {
	switch s {
	case MeetingConcept:
		return "concept"
	case MeetingAgendaSent:
		return "agenda verzonden"
	case MeetingHeld:
		return "gehouden"
	case MeetingCancelled:
		return "geannuleerd"
	}
	return string(s)
}

// MeetingStatuses lists the statuses in the order the UI offers them.
var MeetingStatuses = []MeetingStatus{MeetingConcept, MeetingAgendaSent, MeetingHeld, MeetingCancelled}

// ItemRole marks a standing agenda item that comes from a template. Topics have no role.
type ItemRole string

const (
	RoleNone        ItemRole = ""
	RoleOpening     ItemRole = "opening"
	RoleMinutes     ItemRole = "verslag"
	RoleIncoming    ItemRole = "mededelingen"
	RoleActionList  ItemRole = "actielijst"
	RoleAnyOther    ItemRole = "rondvraag"
	RoleClosing     ItemRole = "sluiting"
	RoleGeneralItem ItemRole = "art24"
)

// Trailing reports whether an item of this role belongs at the end of an agenda: new topics go before it.
func (r ItemRole) Trailing() bool { return r == RoleAnyOther || r == RoleClosing }

// ItemOutcome is what a held meeting did with an item.
type ItemOutcome string

const (
	OutcomeNone    ItemOutcome = ""
	OutcomeTreated ItemOutcome = "behandeld"
	// OutcomeCarried: not treated, copied to the next meeting of the same kind.
	OutcomeCarried ItemOutcome = "doorgeschoven"
	// OutcomeBacklog: not treated, back on the parkeerlijst.
	OutcomeBacklog ItemOutcome = "parkeerlijst"
)

// InsertPosition is the 1-based position where a new topic goes on an agenda: before the trailing
// standing items (rondvraag, sluiting), else at the end.
func InsertPosition(items []AgendaItem) int {
	pos := len(items) + 1
	for i := len(items) - 1; i >= 0 && items[i].Role.Trailing(); i-- {
		pos = i + 1
	}
	return pos
}

// Renumber sets every item's position to its place in the slice (1, 2, 3, ...): numbers never have gaps
// or duplicates.
func Renumber(items []AgendaItem) []AgendaItem {
	for i := range items {
		items[i].Position = i + 1
	}
	return items
}

// Move moves the item at index i by delta places (clamped to the list) and renumbers. It returns the
// item's new index; a move past either end changes nothing.
func Move(items []AgendaItem, i, delta int) ([]AgendaItem, int) {
	if i < 0 || i >= len(items) {
		return items, i
	}
	j := min(max(i+delta, 0), len(items)-1)
	if j == i {
		return items, i
	}
	it := items[i]
	out := append(append([]AgendaItem{}, items[:i]...), items[i+1:]...)
	out = append(out[:j], append([]AgendaItem{it}, out[j:]...)...)
	return Renumber(out), j
}

// Schedule is an agenda's timing: when each item starts, when the agenda ends, and how far that is past
// the planned end of the meeting.
type Schedule struct {
	Starts  []Clock
	Total   int   // minutes, all items
	End     Clock // computed end
	Overrun int   // minutes past the planned end; 0 when it fits
}

// Plan computes the start of every item from the meeting's start and the items' durations in order.
func Plan(m Meeting, items []AgendaItem) Schedule {
	s := Schedule{Starts: make([]Clock, len(items))}
	at := m.Start
	for i, it := range items {
		s.Starts[i] = at
		at += Clock(max(it.Minutes, 0))
		s.Total += max(it.Minutes, 0)
	}
	s.End = at
	if m.End > m.Start && at > m.End {
		s.Overrun = int(at - m.End)
	}
	return s
}

// Summary is the Dutch line under an agenda: "totaal 125 min · eind 15:35 ✓" or
// "totaal 170 min · eind 16:20 ✗ 20 min over de geplande eindtijd (16:00)".
func (s Schedule) Summary(m Meeting) string {
	line := fmt.Sprintf("totaal %d min · eind %s", s.Total, s.End)
	if s.Overrun > 0 {
		return line + fmt.Sprintf(" ✗ %d min over de geplande eindtijd (%s)", s.Overrun, m.End)
	}
	if left := int(m.End - s.End); left > 0 {
		return line + fmt.Sprintf(" ✓ %d min ruimte", left)
	}
	return line + " ✓"
}

// validateItem adds the checks of an agenda item beyond the title and duration.
func validateItemExtra(a AgendaItem) error {
	if len([]rune(a.Title)) > 300 {
		return Invalid("title", "onderwerp is te lang (meer dan 300 tekens)")
	}
	if a.Purpose != "" && !ValidPurpose(a.Purpose) {
		return Invalid("purpose", "onbekend doel: kies ter informatie, ter bespreking, ter besluitvorming, advies of instemming")
	}
	if len([]rune(a.Presenter)) > 200 {
		return Invalid("presenter", "naam van de inleider is te lang (meer dan 200 tekens)")
	}
	return nil
}

// CheckItem validates an item completely: title, duration, purpose and lengths.
func CheckItem(a AgendaItem) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return validateItemExtra(a)
}

// AttachedDocument is an archived document attached to an agenda item (or a parkeerlijst topic).
type AttachedDocument struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	FileName string `json:"file_name"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	// ImpositionID makes the document itself confidential; 0 if not.
	ImpositionID int64 `json:"imposition_id,omitempty"`
}

// BacklogTopic is a topic on the parkeerlijst: raised, not yet on an agenda.
type BacklogTopic struct {
	ID           int64   `json:"id"`
	BodyID       int64   `json:"body_id"`
	Title        string  `json:"title"`
	RaisedBy     string  `json:"raised_by"`
	RaisedOn     Date    `json:"raised_on"`
	Purpose      Purpose `json:"purpose"`
	Minutes      int     `json:"minutes"`
	Explain      string  `json:"explanation"`
	DossierID    int64   `json:"dossier_id,omitempty"`
	ImpositionID int64   `json:"imposition_id,omitempty"`
	// FromItem is the agenda item this topic came back from (not treated); 0 if raised directly.
	FromItem int64 `json:"from_item,omitempty"`
	Version  int64 `json:"version"`
}

// Validate checks the fields a user fills in.
func (b BacklogTopic) Validate() error {
	if strings.TrimSpace(b.Title) == "" {
		return Invalid("title", "onderwerp is verplicht")
	}
	if b.Minutes <= 0 {
		return Invalid("minutes", "duur moet meer dan 0 minuten zijn")
	}
	if b.Minutes > 24*60 {
		return Invalid("minutes", "duur is langer dan een dag")
	}
	if len([]rune(b.RaisedBy)) > 200 {
		return Invalid("raised_by", "naam is te lang (meer dan 200 tekens)")
	}
	return validateItemExtra(AgendaItem{Title: b.Title, Purpose: b.Purpose})
}

// Item turns a parkeerlijst topic into an agenda item for meeting.
func (b BacklogTopic) Item(meetingID int64) AgendaItem {
	p := b.Purpose
	if p == "" {
		p = PurposeBespreking
	}
	return AgendaItem{MeetingID: meetingID, Title: b.Title, Purpose: p, Minutes: b.Minutes, Explain: b.Explain,
		DossierID: b.DossierID, ImpositionID: b.ImpositionID, RaisedBy: b.RaisedBy, RaisedOn: b.RaisedOn}
}

// Topic turns an agenda item back into a parkeerlijst topic of body.
func (a AgendaItem) Topic(bodyID int64) BacklogTopic {
	return BacklogTopic{BodyID: bodyID, Title: a.Title, RaisedBy: a.RaisedBy, RaisedOn: a.RaisedOn, Purpose: a.Purpose,
		Minutes: a.Minutes, Explain: a.Explain, DossierID: a.DossierID, ImpositionID: a.ImpositionID, FromItem: a.ID}
}
