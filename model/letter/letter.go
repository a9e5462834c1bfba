package letter

import (
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// Status is where a letter stands. The codes are the database's and the JSON's.
type Status string

const (
	StatusConcept Status = "concept"
	StatusSigning Status = "ter-ondertekening"
	StatusSent    Status = "verzonden"
)

// Label is the status as the UI shows it.
func (s Status) Label() string {
	if s == StatusSigning {
		return "ter ondertekening"
	}
	return string(s)
}

// Letter is one letter of a body, with what lists show of its latest version.
type Letter struct {
	ID           int64      `json:"id"`
	BodyID       int64      `json:"body_id"`
	Template     string     `json:"template"`
	TemplateName string     `json:"template_name"`
	DossierID    int64      `json:"dossier_id,omitempty"`
	DossierTitle string     `json:"dossier_title"`
	Subject      string     `json:"subject"`
	Status       Status     `json:"status"`
	SentOn       model.Date `json:"sent_on"`
	DocumentID   int64      `json:"document_id,omitempty"`
	ImpositionID int64      `json:"imposition_id,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	// Versions is the number of the latest version; SavedAt is when it was saved.
	Versions int       `json:"versions"`
	SavedAt  time.Time `json:"saved_at"`
	Version  int64     `json:"version"`
}

// Locked reports whether the text can be changed without reopening the letter first.
func (l Letter) Locked() bool { return l.Status != StatusConcept }

// Version is one saved state of a letter; versions are never changed once written.
type Version struct {
	LetterID  int64             `json:"letter_id"`
	N         int               `json:"n"`
	Source    string            `json:"source"`
	Fields    map[string]string `json:"fields"`
	CreatedAt time.Time         `json:"created_at"`
}

// Render fills the version's source with its fields.
func (v Version) Render() (Rendered, error) { return Render(v.Source, v.Fields) }

// Text is the rendered letter as plain text; a source that no longer parses shows as it is, so an old
// version stays readable whatever happened to the field list.
func (v Version) Text() string {
	r, err := v.Render()
	if err != nil {
		return v.Source
	}
	return r.Text()
}

// SentEvent is the dossier event marking this letter sent records: for an adviesbrief "advies" with its
// content, for an instemmingsbrief "instemming", for a proposal or request "verzonden" or "ov-verzoek";
// other letters add a note to the timeline.
func (t Template) SentEvent() (kind, content string) {
	if t.Event != "" {
		return t.Event, t.EventContent
	}
	return "notitie", ""
}
