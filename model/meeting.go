package model

import "strings"

// MeetingKind is the kind of a vergadering.
type MeetingKind string

const (
	MeetingOR        MeetingKind = "or-vergadering"
	MeetingOV        MeetingKind = "overlegvergadering"
	MeetingDB        MeetingKind = "db-overleg"
	MeetingCommissie MeetingKind = "commissie"
	MeetingAchterban MeetingKind = "achterbanbijeenkomst"
)

// MeetingKinds lists the kinds in display order.
var MeetingKinds = []MeetingKind{MeetingOR, MeetingOV, MeetingDB, MeetingCommissie, MeetingAchterban}

// Label is the Dutch display name.
func (k MeetingKind) Label() string {
	switch k {
	case MeetingOR:
		return "OR-vergadering"
	case MeetingOV:
		return "Overlegvergadering"
	case MeetingDB:
		return "DB-overleg"
	case MeetingCommissie:
		return "Commissie"
	case MeetingAchterban:
		return "Achterbanbijeenkomst"
	}
	return string(k)
}

// MeetingStatus is where a meeting stands.
type MeetingStatus string

const (
	MeetingConcept    MeetingStatus = "concept"
	MeetingAgendaSent MeetingStatus = "agenda-verzonden"
	MeetingHeld       MeetingStatus = "gehouden"
	MeetingCancelled  MeetingStatus = "geannuleerd"
)

// Meeting is a vergadering of a body.
type Meeting struct {
	ID       int64         `json:"id"`
	BodyID   int64         `json:"body_id"`
	Kind     MeetingKind   `json:"kind"`
	Date     Date          `json:"date"`
	Start    Clock         `json:"start"`
	End      Clock         `json:"end"`
	Location string        `json:"location"`
	Chair    string        `json:"chair"`
	Status   MeetingStatus `json:"status"`
	// AgendaSent is the day the agenda went out; zero while not sent.
	AgendaSent Date `json:"agenda_sent"`
	// Urgent marks a meeting whose agenda may be late (spoedeisend, art 14 lid 2 sub g).
	Urgent bool `json:"urgent"`
	// Art24 marks an OV on the algemene gang van zaken.
	Art24 bool `json:"art24"`
	// OVRequested is the date of a reasoned request for this OV (art 23 lid 1); zero if none.
	OVRequested Date  `json:"ov_requested"`
	Version     int64 `json:"version"`
}

// Title is a short Dutch label: "OR-vergadering di 2 dec 2025".
func (m Meeting) Title() string { return m.Kind.Label() + " " + m.Date.Short() }

// Validate checks the fields a user fills in.
func (m Meeting) Validate() error {
	ok := false
	for _, k := range MeetingKinds {
		ok = ok || k == m.Kind
	}
	if !ok {
		return Invalid("kind", "onbekend soort vergadering")
	}
	if m.Date.IsZero() {
		return Invalid("date", "datum is verplicht")
	}
	if m.End <= m.Start {
		return Invalid("end", "de eindtijd ligt niet na de begintijd")
	}
	if len([]rune(m.Location)) > 200 {
		return Invalid("location", "locatie is te lang (meer dan 200 tekens)")
	}
	return nil
}

// Purpose is why an item is on the agenda.
type Purpose string

const (
	PurposeInformatie     Purpose = "ter informatie"
	PurposeBespreking     Purpose = "ter bespreking"
	PurposeBesluitvorming Purpose = "ter besluitvorming"
	PurposeAdvies         Purpose = "advies"
	PurposeInstemming     Purpose = "instemming"
)

// AgendaItem is an agendapunt.
type AgendaItem struct {
	ID        int64   `json:"id"`
	MeetingID int64   `json:"meeting_id"`
	Position  int     `json:"position"`
	Title     string  `json:"title"`
	Purpose   Purpose `json:"purpose"`
	Presenter string  `json:"presenter"`
	Minutes   int     `json:"minutes"`
	Explain   string  `json:"explanation"`
	DossierID int64   `json:"dossier_id,omitempty"`
	// ImpositionID references the art 20 imposition that makes this item confidential; 0 if none.
	ImpositionID int64  `json:"imposition_id,omitempty"`
	Notes        string `json:"notes"`
	// Role marks a standing item from a template (opening, actielijst, rondvraag, ...); "" for a topic.
	Role ItemRole `json:"role"`
	// Outcome records what the meeting did with the item; "" until the meeting is held.
	Outcome ItemOutcome `json:"outcome"`
	// RaisedBy and RaisedOn travel with a topic that came from the parkeerlijst.
	RaisedBy string `json:"raised_by"`
	RaisedOn Date   `json:"raised_on"`
	// CarriedFrom is the item of an earlier meeting this one continues; 0 if none.
	CarriedFrom int64 `json:"carried_from,omitempty"`
	Version     int64 `json:"version"`
}

// Validate checks the fields a user fills in.
func (a AgendaItem) Validate() error {
	if strings.TrimSpace(a.Title) == "" {
		return Invalid("title", "onderwerp is verplicht")
	}
	if a.Minutes <= 0 {
		return Invalid("minutes", "duur moet meer dan 0 minuten zijn")
	}
	if a.Minutes > 24*60 {
		return Invalid("minutes", "duur is langer dan een dag")
	}
	return nil
}
