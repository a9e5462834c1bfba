package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// record writes history lines as one batch (one save); kind is 'wijziging' or 'ongedaan'.
func (s *Store) record(ctx context.Context, tx *sql.Tx, kind string, changes []model.ActionChange) error {
	if len(changes) == 0 {
		return nil
	}
	var batch int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(batch), 0) + 1 FROM action_history").Scan(&batch); err != nil {
		return err
	}
	at := s.stamp()
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO action_history (action_id, at, field, old, new, batch, kind) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.ActionID, at, c.Field, c.Old, c.New, batch, kind); err != nil {
			return err
		}
	}
	return nil
}

// ActionHistory lists every change of an action, oldest first.
func (s *Store) ActionHistory(ctx context.Context, actionID int64) ([]model.ActionChange, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, action_id, batch, at, field, old, new, kind, undone FROM action_history
		WHERE action_id = ? ORDER BY batch, id`, actionID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.ActionChange{}
	for rows.Next() {
		var c model.ActionChange
		var at, kind string
		var undone int
		if err := rows.Scan(&c.ID, &c.ActionID, &c.Batch, &at, &c.Field, &c.Old, &c.New, &kind, &undone); err != nil {
			return nil, err
		}
		c.At, _ = time.Parse(time.RFC3339, at)
		c.Undo, c.Undone = kind == "ongedaan", undone == 1
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}

// ErrNothingToUndo says there is no change left to undo.
var ErrNothingToUndo = model.Invalid("undo", "er is geen wijziging meer om ongedaan te maken")

// UndoLastActionChange reverts the most recent save of any of the body's actions that was not undone
// yet: changed fields go back, a new action goes to the prullenbak, a deleted one comes back. The undo
// is itself written to the history. It returns the action and a Dutch sentence saying what was undone.
func (s *Store) UndoLastActionChange(ctx context.Context, bodyID int64) (model.Action, string, error) {
	var a model.Action
	var what string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var batch int64
		err := tx.QueryRowContext(ctx, `SELECT h.batch FROM action_history h JOIN actions a ON a.id = h.action_id
			WHERE a.body_id = ? AND h.kind = 'wijziging' AND h.undone = 0 ORDER BY h.batch DESC LIMIT 1`, bodyID).Scan(&batch)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		var changes []model.ActionChange
		rows, err := tx.QueryContext(ctx, "SELECT action_id, field, old, new FROM action_history WHERE batch = ? ORDER BY id", batch)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c model.ActionChange
			if err := rows.Scan(&c.ActionID, &c.Field, &c.Old, &c.New); err != nil {
				rows.Close()
				return err
			}
			changes = append(changes, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if what, err = s.revert(ctx, tx, changes); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE action_history SET undone = 1 WHERE batch = ?", batch); err != nil {
			return err
		}
		back := make([]model.ActionChange, len(changes))
		for i, c := range changes {
			back[i] = model.ActionChange{ActionID: c.ActionID, Field: c.Field, Old: c.New, New: c.Old}
		}
		if err := s.record(ctx, tx, "ongedaan", back); err != nil {
			return err
		}
		a, err = scanAction(tx.QueryRowContext(ctx, actionSelect+" WHERE a.id = ?", changes[0].ActionID))
		return err
	})
	return a, what, err
}

// revert undoes one batch of changes of one action.
func (s *Store) revert(ctx context.Context, tx *sql.Tx, changes []model.ActionChange) (string, error) {
	id := changes[0].ActionID
	switch changes[0].Field {
	case model.FieldCreated:
		if err := s.softDelete(ctx, tx, "actions", id); err != nil {
			return "", err
		}
		return fmt.Sprintf("nieuwe actie %q naar de prullenbak", changes[0].New), nil
	case model.FieldDeleted:
		if _, err := tx.ExecContext(ctx, "UPDATE actions SET deleted_at = NULL WHERE id = ?", id); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM bin WHERE kind = 'actions' AND ref_id = ?", id); err != nil {
			return "", err
		}
		return fmt.Sprintf("actie %q is terug", changes[0].Old), nil
	}
	cur, err := scanAction(tx.QueryRowContext(ctx, actionSelect+" WHERE a.id = ? AND a.deleted_at IS NULL", id))
	if errors.Is(err, sql.ErrNoRows) {
		return "", model.Invalid("undo", "de actie staat in de prullenbak: zet haar eerst terug")
	}
	if err != nil {
		return "", err
	}
	prev := cur
	var fields []string
	for _, c := range changes {
		if c.Field != "postponed" && c.Field != "closed_on" {
			fields = append(fields, model.FieldLabel(c.Field))
		}
		switch c.Field {
		case "description":
			prev.Description = c.Old
		case "owner":
			prev.Owner = c.Old
		case "due":
			prev.Due, _ = model.ParseDate(c.Old)
		case "status":
			prev.Status = model.ActionStatus(c.Old)
		case "postponed":
			fmt.Sscan(c.Old, &prev.Postponed)
		case "closed_on":
			prev.Closed, _ = model.ParseDate(c.Old)
		case "dossier_id":
			prev.DossierID = parseID(c.Old)
		case "decision_id":
			prev.DecisionID = parseID(c.Old)
		case "notes":
			prev.Notes = c.Old
		}
	}
	if err := writeAction(ctx, tx, prev); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s van %q teruggezet", joinDutch(fields), cur.Description), nil
}

func parseID(s string) int64 {
	var id int64
	fmt.Sscan(s, &id)
	return id
}

// joinDutch joins words as "a, b en c".
func joinDutch(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	out := words[0]
	for _, w := range words[1 : len(words)-1] {
		out += ", " + w
	}
	return out + " en " + words[len(words)-1]
}
