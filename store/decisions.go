package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// decisionCols and decisionJoins read decisions d with the titles of their meeting, agenda item and
// dossier and the actions that carry them out; decisionSelect is the whole query without its WHERE.
const (
	decisionCols = `d.id, d.body_id, d.year, d.seq, d.date, d.meeting_id, d.agenda_item_id, d.dossier_id, d.text,
	d.imposition_id, d.version, m.kind, m.date, i.title, o.title,
	(SELECT group_concat(a.id) FROM actions a WHERE a.decision_id = d.id AND a.deleted_at IS NULL)`
	decisionJoins = `LEFT JOIN meetings m ON m.id = d.meeting_id
	LEFT JOIN agenda_items i ON i.id = d.agenda_item_id
	LEFT JOIN dossiers o ON o.id = d.dossier_id AND o.deleted_at IS NULL`
	decisionSelect = "SELECT " + decisionCols + " FROM decisions d " + decisionJoins
)

func scanDecision(sc interface{ Scan(...any) error }) (model.Decision, error) {
	var d model.Decision
	var date string
	var meeting, item, dossier, imp sql.NullInt64
	var mkind, mdate, itemTitle, dossierTitle, actions sql.NullString
	err := sc.Scan(&d.ID, &d.BodyID, &d.Year, &d.Seq, &date, &meeting, &item, &dossier, &d.Text, &imp, &d.Version,
		&mkind, &mdate, &itemTitle, &dossierTitle, &actions)
	d.Date = scanDate(sql.NullString{String: date, Valid: true})
	d.MeetingID, d.AgendaItemID, d.DossierID, d.ImpositionID = meeting.Int64, item.Int64, dossier.Int64, imp.Int64
	if mkind.Valid {
		d.MeetingTitle = model.Meeting{Kind: model.MeetingKind(mkind.String), Date: scanDate(mdate)}.Title()
	}
	d.ItemTitle, d.DossierTitle = itemTitle.String, dossierTitle.String
	d.ActionIDs = []int64{}
	for _, f := range strings.Split(actions.String, ",") {
		if id := parseID(f); id != 0 {
			d.ActionIDs = append(d.ActionIDs, id)
		}
	}
	sort.Slice(d.ActionIDs, func(i, j int) bool { return d.ActionIDs[i] < d.ActionIDs[j] })
	return d, err
}

// Decisions lists a body's decisions that pass the filter, by number.
func (s *Store) Decisions(ctx context.Context, bodyID int64, f model.DecisionFilter) ([]model.Decision, error) {
	where := "d.body_id = ? AND d.deleted_at IS NULL"
	args := []any{bodyID}
	if f.Year != 0 {
		where += " AND d.year = ?"
		args = append(args, f.Year)
	}
	if f.MeetingID != 0 {
		where += " AND d.meeting_id = ?"
		args = append(args, f.MeetingID)
	}
	rows, err := s.r.QueryContext(ctx, decisionSelect+" WHERE "+where+" ORDER BY d.year, d.seq", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Decision{}
	for rows.Next() {
		d, err := scanDecision(rows)
		if err != nil {
			return nil, err
		}
		if f.Match(d) {
			out = append(out, d)
		}
	}
	return out, mapErr(rows.Err())
}

// Decision returns one decision.
func (s *Store) Decision(ctx context.Context, id int64) (model.Decision, error) {
	d, err := scanDecision(s.r.QueryRowContext(ctx, decisionSelect+" WHERE d.id = ? AND d.deleted_at IS NULL", id))
	return d, mapErr(err)
}

// DecisionYears lists the years that have decisions, newest first.
func (s *Store) DecisionYears(ctx context.Context, bodyID int64) ([]int, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT DISTINCT year FROM decisions WHERE body_id = ? AND deleted_at IS NULL ORDER BY year DESC", bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []int{}
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, mapErr(rows.Err())
}

// CreateDecision records a decision and gives it the next number of its year. A decision of a meeting
// takes the meeting's date; a meeting that was cancelled is refused. The number is taken inside the
// write transaction, which SQLite serialises across processes, and the table's unique key guards it:
// two decisions never share a number. A deleted decision keeps its number (it may come back).
func (s *Store) CreateDecision(ctx context.Context, d model.Decision) (model.Decision, error) {
	d.Text = strings.TrimSpace(d.Text)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = insertDecision(ctx, tx, d)
		return err
	})
	if err != nil {
		return d, err
	}
	return s.Decision(ctx, d.ID)
}

func insertDecision(ctx context.Context, tx *sql.Tx, d model.Decision) (model.Decision, error) {
	m, err := checkOrigin(ctx, tx, d.BodyID, d.MeetingID, d.AgendaItemID)
	if err != nil {
		return d, err
	}
	if d.MeetingID != 0 {
		if err := model.CheckDecisionMeeting(m); err != nil {
			return d, err
		}
		d.Date = m.Date
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	if err := checkDossier(ctx, tx, d.BodyID, d.DossierID); err != nil {
		return d, err
	}
	var last func(year int) int
	var qerr error
	last = func(year int) int {
		var n int
		qerr = tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(seq), 0) FROM decisions WHERE body_id = ? AND year = ?", d.BodyID, year).Scan(&n)
		return n
	}
	d.Year, d.Seq = model.NextDecisionNumber(d.Date, last)
	if qerr != nil {
		return d, qerr
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO decisions (body_id, year, seq, date, meeting_id, agenda_item_id, dossier_id, text,
		imposition_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.BodyID, d.Year, d.Seq, d.Date.String(), nullID(d.MeetingID),
		nullID(d.AgendaItemID), nullID(d.DossierID), d.Text, nullID(d.ImpositionID))
	if err != nil {
		return d, err
	}
	d.ID, _ = res.LastInsertId()
	d.Version = 1
	return d, nil
}

// UpdateDecision saves a decision's text, agenda item and dossier if nobody changed it since it was
// read (else model.ErrConflict). Its number and date stay: a besluitenlijst is never renumbered.
func (s *Store) UpdateDecision(ctx context.Context, d model.Decision) (model.Decision, error) {
	d.Text = strings.TrimSpace(d.Text)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cur, err := scanDecision(tx.QueryRowContext(ctx, decisionSelect+" WHERE d.id = ? AND d.deleted_at IS NULL", d.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return err
		}
		d.BodyID, d.Date, d.MeetingID = cur.BodyID, cur.Date, cur.MeetingID
		if err := d.Validate(); err != nil {
			return err
		}
		if _, err := checkOrigin(ctx, tx, d.BodyID, d.MeetingID, d.AgendaItemID); err != nil {
			return err
		}
		if err := checkDossier(ctx, tx, d.BodyID, d.DossierID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE decisions SET text = ?, agenda_item_id = ?, dossier_id = ?, imposition_id = ?,
			version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			d.Text, nullID(d.AgendaItemID), nullID(d.DossierID), nullID(d.ImpositionID), d.ID, d.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "decisions", d.ID)
	})
	if err != nil {
		return d, err
	}
	return s.Decision(ctx, d.ID)
}

// DeleteDecision moves a decision to the prullenbak; its number is not given out again.
func (s *Store) DeleteDecision(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "decisions", id) })
}
