package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// reorderStep is a test hook: it runs between the writes of a reorder so a test can make one fail
// halfway and check that the transaction leaves the numbers as they were.
var reorderStep func(step int) error

// AgendaItem returns one live item.
func (s *Store) AgendaItem(ctx context.Context, id int64) (model.AgendaItem, error) {
	it, err := scanItem(s.r.QueryRowContext(ctx, "SELECT "+itemCols+" FROM agenda_items WHERE id = ? AND deleted_at IS NULL", id))
	return it, mapErr(err)
}

// AddAgendaItem puts a new item on a meeting's agenda at it.Position (1-based; 0 or out of range: before
// the rondvraag and sluiting). The items after it move down one place.
func (s *Store) AddAgendaItem(ctx context.Context, it model.AgendaItem) (model.AgendaItem, error) {
	if err := model.CheckItem(it); err != nil {
		return it, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = s.insertAt(ctx, tx, it)
		return err
	})
	return it, err
}

// insertAt inserts an item at its position within a transaction and renumbers the agenda.
func (s *Store) insertAt(ctx context.Context, tx *sql.Tx, it model.AgendaItem) (model.AgendaItem, error) {
	var one int
	if err := tx.QueryRowContext(ctx, "SELECT 1 FROM meetings WHERE id = ? AND deleted_at IS NULL", it.MeetingID).Scan(&one); err != nil {
		return it, err
	}
	live, err := liveItems(ctx, tx, it.MeetingID)
	if err != nil {
		return it, err
	}
	if it.Position < 1 || it.Position > len(live)+1 {
		it.Position = model.InsertPosition(live)
	}
	// Park the new row at 0, a number no live item ever has, then give everyone their final place.
	at := it.Position
	it.Position = 0
	it, err = insertAgendaItem(ctx, tx, it)
	if err != nil {
		return it, err
	}
	ids := make([]int64, 0, len(live)+1)
	for i, l := range live {
		if i == at-1 {
			ids = append(ids, it.ID)
		}
		ids = append(ids, l.ID)
	}
	if at == len(live)+1 {
		ids = append(ids, it.ID)
	}
	it.Position = at
	return it, setOrder(ctx, tx, it.MeetingID, ids)
}

// liveItems reads a meeting's items in order inside a transaction.
func liveItems(ctx context.Context, tx *sql.Tx, meetingID int64) ([]model.AgendaItem, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+itemCols+" FROM agenda_items WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY position", meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.AgendaItem
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// setOrder numbers the live items of a meeting 1..n in the order of ids, which must name each live item
// once. Positions are unique among live items (an index enforces it), so the rows first move to negative
// numbers and then to their places; a failure anywhere rolls the whole transaction back.
func setOrder(ctx context.Context, tx *sql.Tx, meetingID int64, ids []int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND deleted_at IS NULL", meetingID).Scan(&n); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	if n != len(ids) || len(seen) != len(ids) {
		return fmt.Errorf("%w: de volgorde noemt niet elk agendapunt precies één keer", model.ErrConflict)
	}
	for phase, sign := range []int{-1, 1} {
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ? AND deleted_at IS NULL`,
				sign*(i+1), id, meetingID)
			if err != nil {
				return err
			}
			if k, _ := res.RowsAffected(); k != 1 {
				return model.ErrConflict
			}
			if reorderStep != nil {
				if err := reorderStep(phase*len(ids) + i); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// MoveAgendaItem moves an item delta places up (negative) or down and renumbers the agenda, in one
// transaction. It returns the agenda in its new order.
func (s *Store) MoveAgendaItem(ctx context.Context, id int64, delta int) ([]model.AgendaItem, error) {
	var out []model.AgendaItem
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var meetingID int64
		if err := tx.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_items WHERE id = ? AND deleted_at IS NULL", id).Scan(&meetingID); err != nil {
			return err
		}
		live, err := liveItems(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		at := -1
		for i, it := range live {
			if it.ID == id {
				at = i
			}
		}
		out, _ = model.Move(live, at, delta)
		return setOrder(ctx, tx, meetingID, itemIDs(out))
	})
	return out, err
}

// ReorderAgenda gives a meeting's items the order of ids (every live item once), in one transaction.
func (s *Store) ReorderAgenda(ctx context.Context, meetingID int64, ids []int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return setOrder(ctx, tx, meetingID, ids) })
}

func itemIDs(items []model.AgendaItem) []int64 {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// DeleteAgendaItem moves an item to the prullenbak and closes the gap in the numbering. The item keeps
// its old place so that restoring it puts it back there.
func (s *Store) DeleteAgendaItem(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.deleteItem(ctx, tx, id) })
}

func (s *Store) deleteItem(ctx context.Context, tx *sql.Tx, id int64) error {
	var meetingID int64
	if err := tx.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_items WHERE id = ? AND deleted_at IS NULL", id).Scan(&meetingID); err != nil {
		return err
	}
	if err := s.softDelete(ctx, tx, "agenda_items", id); err != nil {
		return err
	}
	// A deleted row leaves the unique index of live positions; -id keeps deleted rows apart as well.
	if _, err := tx.ExecContext(ctx, "UPDATE agenda_items SET was_position = position, position = ? WHERE id = ?", -id, id); err != nil {
		return err
	}
	return renumber(ctx, tx, meetingID)
}

// renumber closes gaps after a delete: 1..n in the current order.
func renumber(ctx context.Context, tx *sql.Tx, meetingID int64) error {
	live, err := liveItems(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	return setOrder(ctx, tx, meetingID, itemIDs(live))
}

// restoreItem runs after an item left the prullenbak: it takes its old place again, or the last place
// when the agenda has become shorter.
func restoreItem(ctx context.Context, tx *sql.Tx, id int64) error {
	var meetingID int64
	var was sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT meeting_id, was_position FROM agenda_items WHERE id = ?", id).Scan(&meetingID, &was); err != nil {
		return err
	}
	// Park the restored row at 0 (its -id could clash with the negative numbers setOrder passes through).
	if _, err := tx.ExecContext(ctx, "UPDATE agenda_items SET position = 0, was_position = NULL WHERE id = ?", id); err != nil {
		return err
	}
	live, err := liveItems(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	var others []int64
	for _, it := range live {
		if it.ID != id {
			others = append(others, it.ID)
		}
	}
	at := min(max(int(was.Int64), 1), len(others)+1) - 1
	ids := append(append(append([]int64{}, others[:at]...), id), others[at:]...)
	return setOrder(ctx, tx, meetingID, ids)
}
