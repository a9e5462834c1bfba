package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

const topicCols = "id, body_id, title, raised_by, raised_on, purpose, minutes, explanation, dossier_id, imposition_id, from_item, version"

func scanTopic(sc interface{ Scan(...any) error }) (model.BacklogTopic, error) {
	var b model.BacklogTopic
	var raised sql.NullString
	var dossier, imp, from sql.NullInt64
	err := sc.Scan(&b.ID, &b.BodyID, &b.Title, &b.RaisedBy, &raised, &b.Purpose, &b.Minutes, &b.Explain, &dossier, &imp, &from, &b.Version)
	b.RaisedOn = scanDate(raised)
	b.DossierID, b.ImpositionID, b.FromItem = dossier.Int64, imp.Int64, from.Int64
	return b, err
}

// Backlog lists a body's parkeerlijst, oldest topic first.
func (s *Store) Backlog(ctx context.Context, bodyID int64) ([]model.BacklogTopic, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+topicCols+` FROM backlog WHERE body_id = ? AND deleted_at IS NULL
		ORDER BY coalesce(raised_on, ''), id`, bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.BacklogTopic{}
	for rows.Next() {
		b, err := scanTopic(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, mapErr(rows.Err())
}

// BacklogTopic returns one live topic.
func (s *Store) BacklogTopic(ctx context.Context, id int64) (model.BacklogTopic, error) {
	b, err := scanTopic(s.r.QueryRowContext(ctx, "SELECT "+topicCols+" FROM backlog WHERE id = ? AND deleted_at IS NULL", id))
	return b, mapErr(err)
}

// CreateBacklogTopic puts a topic on the parkeerlijst.
func (s *Store) CreateBacklogTopic(ctx context.Context, b model.BacklogTopic) (model.BacklogTopic, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = s.insertTopic(ctx, tx, b)
		return err
	})
	return b, err
}

func (s *Store) insertTopic(ctx context.Context, tx *sql.Tx, b model.BacklogTopic) (model.BacklogTopic, error) {
	if b.Purpose == "" {
		b.Purpose = model.PurposeBespreking
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO backlog (body_id, title, raised_by, raised_on, purpose, minutes, explanation,
		dossier_id, imposition_id, from_item, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		b.BodyID, b.Title, b.RaisedBy, nullDate(b.RaisedOn), b.Purpose, b.Minutes, b.Explain, nullID(b.DossierID),
		nullID(b.ImpositionID), nullID(b.FromItem), s.stamp())
	if err != nil {
		return b, err
	}
	b.ID, _ = res.LastInsertId()
	b.Version = 1
	return b, nil
}

// UpdateBacklogTopic saves a topic if nobody changed it since it was read (else model.ErrConflict).
func (s *Store) UpdateBacklogTopic(ctx context.Context, b model.BacklogTopic) (model.BacklogTopic, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE backlog SET title = ?, raised_by = ?, raised_on = ?, purpose = ?, minutes = ?,
			explanation = ?, dossier_id = ?, imposition_id = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			b.Title, b.RaisedBy, nullDate(b.RaisedOn), b.Purpose, b.Minutes, b.Explain, nullID(b.DossierID), nullID(b.ImpositionID),
			b.ID, b.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "backlog", b.ID)
	})
	if err == nil {
		b.Version++
	}
	return b, err
}

// DeleteBacklogTopic moves a topic to the prullenbak.
func (s *Store) DeleteBacklogTopic(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "backlog", id) })
}

// ScheduleTopic moves a topic from the parkeerlijst onto a meeting's agenda at position (0: before the
// rondvraag), with its documents, in one transaction. The topic leaves the parkeerlijst: it lives on
// as the agenda item.
func (s *Store) ScheduleTopic(ctx context.Context, topicID, meetingID int64, position int) (model.AgendaItem, error) {
	var it model.AgendaItem
	err := s.tx(ctx, func(tx *sql.Tx) error {
		b, err := scanTopic(tx.QueryRowContext(ctx, "SELECT "+topicCols+" FROM backlog WHERE id = ? AND deleted_at IS NULL", topicID))
		if err != nil {
			return err
		}
		var bodyID int64
		if err := tx.QueryRowContext(ctx, "SELECT body_id FROM meetings WHERE id = ? AND deleted_at IS NULL", meetingID).Scan(&bodyID); err != nil {
			return err
		}
		if bodyID != b.BodyID {
			return model.Invalid("meeting", "deze vergadering hoort bij een ander orgaan")
		}
		it = b.Item(meetingID)
		it.Position = position
		if it, err = s.insertAt(ctx, tx, it); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO agenda_item_documents (item_id, document_id)
			SELECT ?, document_id FROM backlog_documents WHERE topic_id = ?`, it.ID, topicID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM backlog WHERE id = ?", topicID)
		return err
	})
	return it, err
}

// UnscheduleItem takes an item off its agenda and puts it back on the parkeerlijst, with its documents, in
// one transaction; the agenda closes the gap. Standing items (opening, rondvraag, ...) stay put.
func (s *Store) UnscheduleItem(ctx context.Context, itemID int64) (model.BacklogTopic, error) {
	var b model.BacklogTopic
	err := s.tx(ctx, func(tx *sql.Tx) error {
		it, err := scanItem(tx.QueryRowContext(ctx, "SELECT "+itemCols+" FROM agenda_items WHERE id = ? AND deleted_at IS NULL", itemID))
		if err != nil {
			return err
		}
		if it.Role != model.RoleNone {
			return model.Invalid("role", "een vast agendapunt ("+it.Title+") gaat niet naar de parkeerlijst; verwijder het als het weg moet")
		}
		var bodyID int64
		if err := tx.QueryRowContext(ctx, "SELECT body_id FROM meetings WHERE id = ?", it.MeetingID).Scan(&bodyID); err != nil {
			return err
		}
		b = it.Topic(bodyID)
		b.FromItem = 0 // the item itself goes away
		if b, err = s.insertTopic(ctx, tx, b); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO backlog_documents (topic_id, document_id)
			SELECT ?, document_id FROM agenda_item_documents WHERE item_id = ?`, b.ID, itemID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM agenda_items WHERE id = ?", itemID); err != nil {
			return err
		}
		return renumber(ctx, tx, it.MeetingID)
	})
	return b, err
}
