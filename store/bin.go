package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// binLabels says, per table that can be deleted to the bin, how to describe a row in the prullenbak.
var binLabels = map[string]string{
	"bodies":         "name",
	"members":        "name",
	"bestuurders":    "name",
	"meetings":       "kind || ' ' || date",
	"agenda_items":   "title",
	"actions":        "description",
	"decisions":      "printf('%d-%03d ', year, seq) || text",
	"dossiers":       "title",
	"dossier_events": "kind || ' ' || date",
	"documents":      "title",
	"letters":        "template || ' ' || subject",
	"extra_holidays": "name || ' ' || date",
	"backlog":        "title",
}

// softDelete moves a row to the prullenbak: it stays in its table, marked deleted, until restored or the
// bin is emptied.
func (s *Store) softDelete(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	labelExpr, ok := binLabels[table]
	if !ok {
		return fmt.Errorf("store: %s cannot go to the bin", table)
	}
	var label string
	err := tx.QueryRowContext(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE id = ? AND deleted_at IS NULL", labelExpr, table), id).Scan(&label)
	if err != nil {
		return err
	}
	at := s.stamp()
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("UPDATE %s SET deleted_at = ? WHERE id = ?", table), at, id); err != nil {
		return err
	}
	if len([]rune(label)) > 120 {
		label = string([]rune(label)[:119]) + "…"
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO bin (kind, ref_id, label, deleted_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (kind, ref_id) DO UPDATE SET label = excluded.label, deleted_at = excluded.deleted_at`, table, id, label, at)
	return err
}

// Bin lists the prullenbak, most recently deleted first.
func (s *Store) Bin(ctx context.Context) ([]model.BinEntry, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, kind, ref_id, label, deleted_at FROM bin ORDER BY deleted_at DESC, id DESC")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.BinEntry{}
	for rows.Next() {
		var e model.BinEntry
		var at string
		if err := rows.Scan(&e.ID, &e.Kind, &e.RefID, &e.Label, &at); err != nil {
			return nil, err
		}
		e.DeletedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}

// Restore takes one entry out of the prullenbak and puts the row back.
func (s *Store) Restore(ctx context.Context, binID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var kind string
		var ref int64
		if err := tx.QueryRowContext(ctx, "SELECT kind, ref_id FROM bin WHERE id = ?", binID).Scan(&kind, &ref); err != nil {
			return err
		}
		if _, ok := binLabels[kind]; !ok {
			return fmt.Errorf("store: unknown bin kind %q", kind)
		}
		if err := beforeRestore(ctx, tx, kind, ref); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("UPDATE %s SET deleted_at = NULL WHERE id = ?", kind), ref); err != nil {
			return err
		}
		if err := s.afterRestore(ctx, tx, kind, ref); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM bin WHERE id = ?", binID)
		return err
	})
}

// beforeRestore refuses, in words, what cannot come back as it was: an equated day whose date has
// since been given to another (only one live day per date).
func beforeRestore(ctx context.Context, tx *sql.Tx, kind string, id int64) error {
	if kind != "extra_holidays" {
		return nil
	}
	var date, name string
	err := tx.QueryRowContext(ctx, `SELECT h.date, h.name FROM extra_holidays h JOIN extra_holidays old ON old.date = h.date
		WHERE old.id = ? AND h.id <> old.id AND h.deleted_at IS NULL`, id).Scan(&date, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	d, _ := model.ParseDate(date)
	return model.Invalid("date", fmt.Sprintf("op %s staat nu %s; verwijder die eerst om deze dag terug te zetten", d.Long(), name))
}

// afterRestore is where kinds with derived data (a full-text index) put it back.
func (s *Store) afterRestore(ctx context.Context, tx *sql.Tx, kind string, id int64) error {
	if kind == "dossier_events" {
		return restoreDossierEvent(ctx, tx, id)
	}
	if kind == "documents" {
		var at string
		if err := tx.QueryRowContext(ctx, "SELECT deleted_at FROM bin WHERE kind = ? AND ref_id = ?", kind, id).Scan(&at); err != nil {
			return err
		}
		return restoreDocument(ctx, tx, id, at)
	}
	if kind == "agenda_items" {
		return restoreItem(ctx, tx, id)
	}
	return nil
}

// EmptyBin deletes everything in the prullenbak for good: the only irreversible delete in werkbank.
// It returns how many entries were removed.
func (s *Store) EmptyBin(ctx context.Context) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT kind, ref_id FROM bin")
		if err != nil {
			return err
		}
		type entry struct {
			kind string
			id   int64
		}
		var all []entry
		for rows.Next() {
			var e entry
			if err := rows.Scan(&e.kind, &e.id); err != nil {
				rows.Close()
				return err
			}
			all = append(all, e)
		}
		rows.Close()
		for _, e := range all {
			if _, ok := binLabels[e.kind]; !ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE id = ?", e.kind), e.id); err != nil {
				return err
			}
		}
		// Blobs no document refers to any more go as well.
		if _, err := tx.ExecContext(ctx, "DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents WHERE sha256 IS NOT NULL)"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM bin"); err != nil {
			return err
		}
		n = len(all)
		return nil
	})
	return n, err
}
