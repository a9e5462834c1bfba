package inzicht

import (
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

// Input is every row the figures are made from. The store reads them; Compute only counts.
type Input struct {
	// Bodies are the bodies the figures cover (one, or all).
	Bodies      []model.Body
	Meetings    []Meeting
	Actions     []model.Action
	Dossiers    []dossier.Dossier
	Letters     []Letter
	Impositions []model.Imposition
	Members     []Member
}

// Meeting is a meeting with the day its agenda was due by the term engine (zero for kinds without an
// agenda term, art 14 lid 2 sub g WOR).
type Meeting struct {
	model.Meeting
	AgendaDue model.Date `json:"agenda_due"`
}

// Letter is what the figures need of a letter.
type Letter struct {
	ID           int64      `json:"id"`
	BodyID       int64      `json:"body_id"`
	Template     string     `json:"template"`
	TemplateName string     `json:"template_name"`
	Status       string     `json:"status"`
	SentOn       model.Date `json:"sent_on"`
	ImpositionID int64      `json:"imposition_id,omitempty"`
}

// Member is a member with the training days taken in the report's year (art 18 WOR). AlsoOR marks a
// commission member who also sits on an OR of the same database (then the OR minimum applies there).
type Member struct {
	model.Member
	BodyKind     model.BodyKind `json:"body_kind"`
	TrainingDays float64        `json:"training_days"`
	AlsoOR       bool           `json:"also_or"`
}

// withheld answers, for an imposition id, whether its rows stay out of what is shared (the one rule of
// model.Imposition.Withheld); unknown ids are withheld, to be safe.
type withheld func(id int64) bool

func (in Input) withheldOn(today model.Date) withheld {
	byID := map[int64]*model.Imposition{}
	for i := range in.Impositions {
		byID[in.Impositions[i].ID] = &in.Impositions[i]
	}
	return func(id int64) bool {
		if id == 0 {
			return false
		}
		imp, ok := byID[id]
		return !ok || imp.Withheld(today)
	}
}

func (in Input) bodyName(id int64) string {
	for _, b := range in.Bodies {
		if b.ID == id {
			return b.Name
		}
	}
	return ""
}
