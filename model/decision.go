package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Decision is a besluit taken in a meeting, numbered per year: 2025-001, 2025-002, ...
type Decision struct {
	ID     int64 `json:"id"`
	BodyID int64 `json:"body_id"`
	// Year and Seq make the number; the year is the year of the decision's date.
	Year         int    `json:"year"`
	Seq          int    `json:"seq"`
	Date         Date   `json:"date"`
	MeetingID    int64  `json:"meeting_id,omitempty"`
	AgendaItemID int64  `json:"agenda_item_id,omitempty"`
	DossierID    int64  `json:"dossier_id,omitempty"`
	Text         string `json:"text"`
	ImpositionID int64  `json:"imposition_id,omitempty"`
	Version      int64  `json:"version"`

	// Read-only context for display.
	MeetingTitle string  `json:"meeting,omitempty"`
	ItemTitle    string  `json:"agenda_item,omitempty"`
	DossierTitle string  `json:"dossier,omitempty"`
	ActionIDs    []int64 `json:"action_ids"`
}

// Number is the decision's number: "2025-001".
func (d Decision) Number() string { return DecisionNumber(d.Year, d.Seq) }

// DecisionNumber formats a year and sequence number: "2025-001" (four digits from 1000 on).
func DecisionNumber(year, seq int) string { return fmt.Sprintf("%d-%03d", year, seq) }

// ParseDecisionNumber reads "2025-001" (also "2025-1").
func ParseDecisionNumber(s string) (year, seq int, err error) {
	y, q, ok := strings.Cut(strings.TrimSpace(s), "-")
	year, err1 := strconv.Atoi(y)
	seq, err2 := strconv.Atoi(q)
	if !ok || err1 != nil || err2 != nil || len(y) != 4 || seq < 1 {
		return 0, 0, fmt.Errorf("%q is geen besluitnummer: gebruik JJJJ-NNN, bijvoorbeeld 2025-001", s)
	}
	return year, seq, nil
}

// NextDecisionNumber gives the number of a new decision dated date, given the highest sequence number
// already used in each year: numbering starts again at 001 in every calendar year.
func NextDecisionNumber(date Date, lastSeq func(year int) int) (year, seq int) {
	year = date.Year()
	return year, lastSeq(year) + 1
}

// Validate checks the fields a user fills in.
func (d Decision) Validate() error {
	if strings.TrimSpace(d.Text) == "" {
		return Invalid("text", "de tekst van het besluit is verplicht")
	}
	if len([]rune(d.Text)) > 5000 {
		return Invalid("text", "de tekst van het besluit is te lang (meer dan 5000 tekens)")
	}
	if d.Date.IsZero() {
		return Invalid("date", "datum is verplicht")
	}
	return nil
}

// CheckDecisionMeeting refuses a decision on a meeting that did not take place.
func CheckDecisionMeeting(m Meeting) error {
	if m.Status == MeetingCancelled {
		return Invalid("meeting", "de "+kindInSentence(m.Kind)+" van "+m.Date.Short()+
			" is geannuleerd: daar kan geen besluit genomen zijn")
	}
	return nil
}

// kindInSentence is the meeting kind inside a sentence: "overlegvergadering", but "OR-vergadering".
func kindInSentence(k MeetingKind) string {
	l := k.Label()
	if strings.HasPrefix(l, "OR") || strings.HasPrefix(l, "DB") {
		return l
	}
	return strings.ToLower(l)
}

// DecisionFilter selects decisions in the besluitenlijst.
type DecisionFilter struct {
	Year      int
	MeetingID int64
	// Query matches the number or words of the text, case and accents ignored.
	Query string
}

// Match reports whether d passes the filter.
func (f DecisionFilter) Match(d Decision) bool {
	if f.Year != 0 && d.Year != f.Year {
		return false
	}
	if f.MeetingID != 0 && d.MeetingID != f.MeetingID {
		return false
	}
	q := Fold(strings.TrimSpace(f.Query))
	if q == "" {
		return true
	}
	hay := Fold(d.Number() + " " + d.Text + " " + d.DossierTitle + " " + d.ItemTitle)
	for _, w := range strings.Fields(q) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Fold lower-cases and strips the accents Dutch uses, for simple matching ("ideeën" finds "ideeen").
func Fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'ä', 'â':
			r = 'a'
		case 'é', 'è', 'ë', 'ê':
			r = 'e'
		case 'í', 'ì', 'ï', 'î':
			r = 'i'
		case 'ó', 'ò', 'ö', 'ô':
			r = 'o'
		case 'ú', 'ù', 'ü', 'û':
			r = 'u'
		case 'ç':
			r = 'c'
		}
		b.WriteRune(r)
	}
	return b.String()
}
