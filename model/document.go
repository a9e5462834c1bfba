package model

import (
	"errors"
	"path/filepath"
	"strings"
	"time"
)

// DocType is the kind of an archived document.
type DocType string

const (
	DocBriefIn  DocType = "brief-in"
	DocBriefUit DocType = "brief-uit"
	DocVerslag  DocType = "verslag"
	DocAgenda   DocType = "agenda"
	DocNotitie  DocType = "notitie"
	DocRapport  DocType = "rapport"
	DocBijlage  DocType = "bijlage"
	DocMail     DocType = "mail"
)

// DocTypes lists the document types in the order the UI offers them.
var DocTypes = []DocType{DocBriefIn, DocBriefUit, DocVerslag, DocAgenda, DocNotitie, DocRapport, DocBijlage, DocMail}

// ParseDocType accepts a type code, case-insensitively ("Brief-In", " mail ").
func ParseDocType(s string) (DocType, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, t := range DocTypes {
		if s == string(t) {
			return t, nil
		}
	}
	return "", Invalid("type", "onbekend soort stuk: kies brief-in, brief-uit, verslag, agenda, notitie, rapport, bijlage of mail")
}

// GuessDocType guesses a type from a file name and title, for a document imported without one. The
// AS corrects a wrong guess in the document view; a guess only saves typing.
func GuessDocType(fileName, title string) DocType {
	ext := strings.ToLower(filepath.Ext(fileName))
	if ext == ".eml" {
		return DocMail
	}
	s := strings.ToLower(strings.TrimSuffix(filepath.Base(fileName), filepath.Ext(fileName)) + " " + title)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("agenda"):
		return DocAgenda
	case has("verslag", "notulen", "besluitenlijst"):
		return DocVerslag
	case has("rapport", "onderzoek", "evaluatie", "jaarplan", "begroting"):
		return DocRapport
	case has("bijlage"):
		return DocBijlage
	case has("advies", "brief", "verzoek", "instemming", "aanvraag"):
		return DocBriefIn
	}
	return DocNotitie
}

// ErrDuplicate is returned (wrapped) when a file with the same bytes is already in the archive; the
// document returned beside it is the one already there.
var ErrDuplicate = errors.New("staat al in het archief")

// Document is one archived paper: its metadata, the extracted text, and a reference to the original
// bytes (by SHA-256) kept in the database.
type Document struct {
	ID           int64   `json:"id"`
	BodyID       int64   `json:"body_id"`
	Title        string  `json:"title"`
	Date         Date    `json:"date"`
	Type         DocType `json:"type"`
	Sender       string  `json:"sender"`
	DossierID    int64   `json:"dossier_id"`
	DossierTitle string  `json:"dossier_title"`
	// ParentID is the mail an attachment came with; zero for a document of its own.
	ParentID int64  `json:"parent_id"`
	SHA256   string `json:"sha256"`
	FileName string `json:"file_name"`
	Size     int64  `json:"size"`
	// Text is the extracted text; list queries leave it empty.
	Text string `json:"text,omitempty"`
	// NoText marks an original without extractable text: a PDF without a text layer (scan?), or an
	// attachment of a type werkbank cannot read. The original is kept all the same.
	NoText       bool      `json:"no_text"`
	ImpositionID int64     `json:"imposition_id"`
	Confidential bool      `json:"confidential"`
	ImportedAt   time.Time `json:"imported_at"`
	Version      int64     `json:"version"`
}

// Validate checks the fields a user edits.
func (d Document) Validate() error {
	title := strings.TrimSpace(d.Title)
	if title == "" {
		return Invalid("title", "titel is verplicht")
	}
	if len([]rune(title)) > 300 {
		return Invalid("title", "titel is te lang (meer dan 300 tekens)")
	}
	if _, err := ParseDocType(string(d.Type)); err != nil {
		return err
	}
	if len([]rune(d.Sender)) > 300 {
		return Invalid("sender", "afzender is te lang (meer dan 300 tekens)")
	}
	return nil
}

// DocumentMeta is what a caller knows about a file before it is imported. Zero fields are filled from
// the file itself: title from its metadata or first heading, else the file name; date from the mail's
// Date header or the document's metadata, else FileDate, else today; type guessed from name and title.
type DocumentMeta struct {
	BodyID    int64 // zero: the active body
	Title     string
	Date      Date
	FileDate  Date // the file's modification date, used when the file itself names no date
	Type      DocType
	Sender    string
	DossierID int64
	// Confidential marks the documents confidential (art 20): unless ImpositionID names an existing
	// imposition, one without an end date is created, as the quick "vertrouwelijk" mark does.
	Confidential bool
	ImpositionID int64
}

// ImportStatus is how one file of an import ended.
type ImportStatus string

const (
	ImportOK        ImportStatus = "geimporteerd"
	ImportDuplicate ImportStatus = "dubbel"
	ImportFailed    ImportStatus = "mislukt"
)

// ImportResult is the outcome for one file.
type ImportResult struct {
	Path       string       `json:"path"`
	Status     ImportStatus `json:"status"`
	DocumentID int64        `json:"document_id"` // the new document, or the one already there
	Title      string       `json:"title"`
	Reason     string       `json:"reason"` // Dutch: why it failed, or what to know about it
	NoText     bool         `json:"no_text"`
	// Attachments counts the documents made from a mail's attachments.
	Attachments int `json:"attachments"`
	// Warnings are Dutch notes about parts kept without text (an attachment werkbank cannot read).
	Warnings []string `json:"warnings"`
}

// ImportProgress is sent while an import runs.
type ImportProgress struct {
	Total      int    `json:"total"`
	Done       int    `json:"done"` // files read and processed so far
	Imported   int    `json:"imported"`
	Duplicates int    `json:"duplicates"`
	Failed     int    `json:"failed"`
	Current    string `json:"current"`
}

// ImportSummary is the end of an import: the counts, and every file that did not simply go in.
type ImportSummary struct {
	Total       int  `json:"total"`
	Imported    int  `json:"imported"`
	Duplicates  int  `json:"duplicates"`
	Failed      int  `json:"failed"`
	NoText      int  `json:"no_text"`
	Attachments int  `json:"attachments"`
	Hidden      int  `json:"hidden_skipped"` // hidden files and folders (".git", ".DS_Store") left out
	Canceled    bool `json:"canceled"`
	NotStarted  int  `json:"not_started"` // files left when the import was cancelled
	// Failures, DuplicateFiles and NoTextFiles list the files by path, in import order.
	Failures       []ImportResult `json:"failures"`
	DuplicateFiles []ImportResult `json:"duplicate_files"`
	NoTextFiles    []ImportResult `json:"no_text_files"`
	Warnings       []ImportResult `json:"warnings"`
	ImpositionID   int64          `json:"imposition_id"`
}

// Add counts one result into the summary.
func (s *ImportSummary) Add(r ImportResult) {
	switch r.Status {
	case ImportOK:
		s.Imported++
		s.Attachments += r.Attachments
		if r.NoText {
			s.NoText++
			s.NoTextFiles = append(s.NoTextFiles, r)
		}
		if len(r.Warnings) > 0 {
			s.Warnings = append(s.Warnings, r)
		}
	case ImportDuplicate:
		s.Duplicates++
		s.DuplicateFiles = append(s.DuplicateFiles, r)
	default:
		s.Failed++
		s.Failures = append(s.Failures, r)
	}
}

// DocumentQuery selects a page of a body's documents, newest first.
type DocumentQuery struct {
	BodyID    int64
	DossierID int64 // zero: any
	ParentID  int64 // zero: any; set: the attachments of that mail
	Offset    int
	Limit     int
}

// DossierChoice is a dossier a document can be linked to.
type DossierChoice struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
}
