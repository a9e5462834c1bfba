package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/werkbank-nl/werkbank/model"
)

// SetItemOutcome records what a meeting did with an item, in one transaction:
//   - behandeld: treated, nothing else happens;
//   - doorgeschoven: a copy goes onto the next meeting of the same kind (before its rondvraag), pointing
//     back to this item; without a next meeting nothing is saved and the user is told to plan one;
//   - parkeerlijst: a topic goes back onto the parkeerlijst, pointing back to this item;
//   - "": clears the mark (a copy made earlier stays where it is, visible, for the AS to delete).
//
// The item itself stays on its meeting's agenda as the record of what was planned.
func (s *Store) SetItemOutcome(ctx context.Context, itemID int64, outcome model.ItemOutcome) (model.AgendaItem, error) {
	switch outcome {
	case model.OutcomeNone, model.OutcomeTreated, model.OutcomeCarried, model.OutcomeBacklog:
	default:
		return model.AgendaItem{}, model.Invalid("outcome", "onbekende afloop: kies behandeld, doorgeschoven of parkeerlijst")
	}
	var it model.AgendaItem
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = scanItem(tx.QueryRowContext(ctx, "SELECT "+itemCols+" FROM agenda_items WHERE id = ? AND deleted_at IS NULL", itemID))
		if err != nil {
			return err
		}
		if it.Outcome == outcome {
			return nil
		}
		if it.Role != model.RoleNone && (outcome == model.OutcomeCarried || outcome == model.OutcomeBacklog) {
			return model.Invalid("outcome", "een vast agendapunt ("+it.Title+") komt vanzelf terug via het sjabloon")
		}
		var m model.Meeting
		if m, err = scanMeeting(tx.QueryRowContext(ctx, "SELECT "+meetingCols+" FROM meetings WHERE id = ?", it.MeetingID)); err != nil {
			return err
		}
		switch outcome {
		case model.OutcomeCarried:
			if err := s.carry(ctx, tx, m, it); err != nil {
				return err
			}
		case model.OutcomeBacklog:
			b := it.Topic(m.BodyID)
			if b.RaisedOn.IsZero() {
				b.RaisedOn = m.Date
			}
			nb, err := s.insertTopic(ctx, tx, b)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO backlog_documents (topic_id, document_id)
				SELECT ?, document_id FROM agenda_item_documents WHERE item_id = ?`, nb.ID, it.ID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE agenda_items SET outcome = ?, version = version + 1 WHERE id = ?", outcome, it.ID); err != nil {
			return err
		}
		it.Outcome = outcome
		it.Version++
		return nil
	})
	return it, err
}

// ErrNoNextMeeting says an item cannot carry over because no later meeting of its kind is planned.
var ErrNoNextMeeting = model.Invalid("outcome", "er is geen volgende vergadering van deze soort gepland: plan die eerst, of zet het punt op de parkeerlijst")

// carry copies an item onto the next meeting of the same kind and body.
func (s *Store) carry(ctx context.Context, tx *sql.Tx, m model.Meeting, it model.AgendaItem) error {
	var next int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM meetings WHERE body_id = ? AND kind = ? AND deleted_at IS NULL
		AND status <> 'geannuleerd' AND (date > ? OR (date = ? AND start_min > ?)) ORDER BY date, start_min LIMIT 1`,
		m.BodyID, m.Kind, m.Date.String(), m.Date.String(), m.Start).Scan(&next)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNoNextMeeting
	}
	if err != nil {
		return err
	}
	c := it
	c.ID, c.MeetingID, c.Position, c.Outcome, c.CarriedFrom, c.Notes = 0, next, 0, model.OutcomeNone, it.ID, ""
	c, err = s.insertAt(ctx, tx, c)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO agenda_item_documents (item_id, document_id)
		SELECT ?, document_id FROM agenda_item_documents WHERE item_id = ?`, c.ID, it.ID)
	return err
}
