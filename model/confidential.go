package model

import "strings"

// Imposition is an art 20 WOR confidentiality obligation: who imposed it, on which data, from and until
// when, and who is exempt. Every confidential row references one.
type Imposition struct {
	ID        int64  `json:"id"`
	BodyID    int64  `json:"body_id"`
	ImposedBy string `json:"imposed_by"`
	Subject   string `json:"subject"`
	From      Date   `json:"from"`
	// Until is zero for an imposition without an end date (the quick "vertrouwelijk" mark).
	Until  Date   `json:"until"`
	Exempt string `json:"exempt"`
	// Released is the date the AS released the data after the imposition expired; zero until then.
	Released Date  `json:"released"`
	Version  int64 `json:"version"`
}

// Validate checks the fields a user fills in.
func (i Imposition) Validate() error {
	if strings.TrimSpace(i.ImposedBy) == "" {
		return Invalid("imposed_by", "vul in wie de geheimhouding heeft opgelegd")
	}
	if !i.From.IsZero() && !i.Until.IsZero() && i.Until.Before(i.From) {
		return Invalid("until", "einde geheimhouding ligt voor het begin")
	}
	return nil
}

// ConfidentialState says where an imposition stands on a given day.
type ConfidentialState int

const (
	// NotConfidential: no imposition, or one the AS has released.
	NotConfidential ConfidentialState = iota
	// Active: the imposition is in force.
	Active
	// ExpiredUnreviewed: the end date has passed but the AS has not released the data yet.
	ExpiredUnreviewed
)

// State decides, for a day, where the imposition stands. A nil imposition is not confidential.
func (i *Imposition) State(today Date) ConfidentialState {
	if i == nil || i.ID == 0 && i.ImposedBy == "" {
		return NotConfidential
	}
	if !i.Released.IsZero() {
		return NotConfidential
	}
	if i.Until.IsZero() || !today.After(i.Until) {
		return Active
	}
	return ExpiredUnreviewed
}

// Withheld is the one rule for openbare exports and coach copies: a row under an active imposition, or
// under an expired one the AS has not released, is left out.
func (i *Imposition) Withheld(today Date) bool {
	return i.State(today) != NotConfidential
}
