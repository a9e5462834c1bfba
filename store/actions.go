package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// actionCols and actionJoins read actions a with the titles of their meeting, agenda item and dossier,
// for display; actionSelect is the whole query without its WHERE.
const (
	actionCols = `a.id, a.body_id, a.description, a.owner, a.due, a.status, a.meeting_id, a.agenda_item_id,
	a.dossier_id, a.decision_id, a.notes, a.created_on, a.closed_on, a.postponed, a.imposition_id, a.version,
	m.kind, m.date, i.title, d.title, dc.year, dc.seq`
	actionJoins = `LEFT JOIN meetings m ON m.id = a.meeting_id
	LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
	LEFT JOIN dossiers d ON d.id = a.dossier_id AND d.deleted_at IS NULL
	LEFT JOIN decisions dc ON dc.id = a.decision_id AND dc.deleted_at IS NULL`
	actionSelect = "SELECT " + actionCols + " FROM actions a " + actionJoins
)

func scanAction(sc interface{ Scan(...any) error }) (model.Action, error) {
	var a model.Action
	var due, created, closed, mkind, mdate, item, dossier sql.NullString
	var meeting, agendaItem, dossierID, decision, imp, dyear, dseq sql.NullInt64
	err := sc.Scan(&a.ID, &a.BodyID, &a.Description, &a.Owner, &due, &a.Status, &meeting, &agendaItem, &dossierID, &decision,
		&a.Notes, &created, &closed, &a.Postponed, &imp, &a.Version, &mkind, &mdate, &item, &dossier, &dyear, &dseq)
	if dyear.Valid {
		a.DecisionNumber = model.DecisionNumber(int(dyear.Int64), int(dseq.Int64))
	}
	a.Due, a.Created, a.Closed = scanDate(due), scanDate(created), scanDate(closed)
	a.MeetingID, a.AgendaItemID, a.DossierID, a.DecisionID, a.ImpositionID = meeting.Int64, agendaItem.Int64, dossierID.Int64,
		decision.Int64, imp.Int64
	if mkind.Valid {
		a.MeetingDate = scanDate(mdate)
		a.MeetingTitle = model.Meeting{Kind: model.MeetingKind(mkind.String), Date: a.MeetingDate}.Title()
	}
	a.ItemTitle, a.DossierTitle = item.String, dossier.String
	return a, err
}

// actionRowsQueryer is a *sql.DB or *sql.Tx.
type actionRowsQueryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func queryActions(ctx context.Context, q actionRowsQueryer, where string, args ...any) ([]model.Action, error) {
	rows, err := q.QueryContext(ctx, actionSelect+" WHERE "+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Action{}
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, mapErr(rows.Err())
}

// Actions lists a body's actions that pass the filter on day, by due date (no date last).
func (s *Store) Actions(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date) ([]model.Action, error) {
	where := "a.body_id = ? AND a.deleted_at IS NULL"
	args := []any{bodyID}
	if f.MeetingID != 0 {
		where += " AND a.meeting_id = ?"
		args = append(args, f.MeetingID)
	}
	if f.DossierID != 0 {
		where += " AND a.dossier_id = ?"
		args = append(args, f.DossierID)
	}
	if f.OpenOnly || f.Overdue {
		where += " AND a.status IN ('open','bezig')"
	}
	list, err := queryActions(ctx, s.r, where, args...)
	if err != nil {
		return nil, err
	}
	out := list[:0]
	for _, a := range list {
		if f.Match(a, day) {
			out = append(out, a)
		}
	}
	model.SortByDue(out)
	return out, nil
}

// Action returns one action.
func (s *Store) Action(ctx context.Context, id int64) (model.Action, error) {
	a, err := scanAction(s.r.QueryRowContext(ctx, actionSelect+" WHERE a.id = ? AND a.deleted_at IS NULL", id))
	return a, mapErr(err)
}

// ActionsDue is what Overzicht shows: the body's open actions past their date and those due from today
// to Sunday, the first model.DueListed of each by due date, and how many there are. It reads the
// index of open actions (migration 0009), never every open action.
func (s *Store) ActionsDue(ctx context.Context, bodyID int64, today model.Date) (model.ActionsDue, error) {
	out := model.ActionsDue{}
	open := "a.body_id = ? AND a.deleted_at IS NULL AND " + actionIsOpen
	late, week := open+" AND a.due < ?", open+" AND a.due >= ? AND a.due <= ?"
	d, end := today.String(), model.WeekEnd(today).String()
	err := s.r.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM actions a WHERE "+late+"), (SELECT count(*) FROM actions a WHERE "+week+")",
		bodyID, d, bodyID, d, end).Scan(&out.OverdueTotal, &out.ThisWeekTotal)
	if err != nil {
		return out, mapErr(err)
	}
	limit := fmt.Sprintf(" ORDER BY %s LIMIT %d", actionOrder, model.DueListed)
	if out.Overdue, err = queryActions(ctx, s.r, late+limit, bodyID, d); err != nil {
		return out, err
	}
	out.ThisWeek, err = queryActions(ctx, s.r, week+limit, bodyID, d, end)
	return out, err
}

// ActionListAsOf is the actielijst of a meeting: the body's actions from earlier that were open on the
// meeting's date, by due date. Actions agreed in the meeting itself are not on it.
func (s *Store) ActionListAsOf(ctx context.Context, meetingID int64) ([]model.Action, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	list, err := queryActions(ctx, s.r, "a.body_id = ? AND a.deleted_at IS NULL AND (a.meeting_id IS NULL OR a.meeting_id <> ?)",
		m.BodyID, m.ID)
	if err != nil {
		return nil, err
	}
	out := []model.Action{}
	for _, a := range list {
		if a.OpenAsOf(m.Date) {
			out = append(out, a)
		}
	}
	model.SortByDue(out)
	return out, nil
}

// checkOrigin validates where an action or decision comes from: the meeting belongs to the body and the
// agenda item to the meeting. It returns the meeting (zero when there is none).
func checkOrigin(ctx context.Context, tx *sql.Tx, bodyID, meetingID, itemID int64) (model.Meeting, error) {
	if meetingID == 0 {
		if itemID != 0 {
			return model.Meeting{}, model.Invalid("agenda_item", "een agendapunt hoort bij een vergadering: kies eerst de vergadering")
		}
		return model.Meeting{}, nil
	}
	m, err := scanMeeting(tx.QueryRowContext(ctx, "SELECT "+meetingCols+" FROM meetings WHERE id = ? AND deleted_at IS NULL", meetingID))
	if errors.Is(err, sql.ErrNoRows) || err == nil && m.BodyID != bodyID {
		return m, model.Invalid("meeting", fmt.Sprintf("vergadering %d bestaat niet bij dit orgaan", meetingID))
	}
	if err != nil {
		return m, err
	}
	if itemID != 0 {
		var mid int64
		err := tx.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_items WHERE id = ? AND deleted_at IS NULL", itemID).Scan(&mid)
		if errors.Is(err, sql.ErrNoRows) || err == nil && mid != meetingID {
			return m, model.Invalid("agenda_item", fmt.Sprintf("agendapunt %d hoort niet bij de vergadering van %s", itemID, m.Date.Short()))
		}
		if err != nil {
			return m, err
		}
	}
	return m, nil
}

// checkDecisionLink refuses a decision of another body.
func checkDecisionLink(ctx context.Context, tx *sql.Tx, bodyID, decisionID int64) error {
	if decisionID == 0 {
		return nil
	}
	var b int64
	err := tx.QueryRowContext(ctx, "SELECT body_id FROM decisions WHERE id = ? AND deleted_at IS NULL", decisionID).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) || err == nil && b != bodyID {
		return model.Invalid("decision", fmt.Sprintf("besluit %d bestaat niet bij dit orgaan", decisionID))
	}
	return err
}

// CreateAction adds an action. It refuses an action without description or owner, a due date before the
// meeting it came from, and an origin that does not fit; nothing is saved then.
func (s *Store) CreateAction(ctx context.Context, a model.Action) (model.Action, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = s.insertAction(ctx, tx, a)
		return err
	})
	if err != nil {
		return a, err
	}
	return s.Action(ctx, a.ID)
}

func (s *Store) insertAction(ctx context.Context, tx *sql.Tx, a model.Action) (model.Action, error) {
	a.Description, a.Owner = strings.TrimSpace(a.Description), strings.TrimSpace(a.Owner)
	if a.Status == "" {
		a.Status = model.ActionOpen
	}
	if err := a.Validate(); err != nil {
		return a, err
	}
	m, err := checkOrigin(ctx, tx, a.BodyID, a.MeetingID, a.AgendaItemID)
	if err != nil {
		return a, err
	}
	if err := model.CheckDue(a.Due, m.Date); err != nil {
		return a, err
	}
	if err := checkDossier(ctx, tx, a.BodyID, a.DossierID); err != nil {
		return a, err
	}
	if err := checkDecisionLink(ctx, tx, a.BodyID, a.DecisionID); err != nil {
		return a, err
	}
	if a.Created.IsZero() {
		a.Created = s.Today()
	}
	if a.Status.Closed() && a.Closed.IsZero() {
		a.Closed = a.Created
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO actions (body_id, description, owner, due, status, meeting_id, agenda_item_id,
		dossier_id, decision_id, notes, created_on, closed_on, postponed, imposition_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.BodyID, a.Description, a.Owner, nullDate(a.Due), a.Status, nullID(a.MeetingID), nullID(a.AgendaItemID), nullID(a.DossierID),
		nullID(a.DecisionID), a.Notes, a.Created.String(), nullDate(a.Closed), a.Postponed, nullID(a.ImpositionID))
	if err != nil {
		return a, err
	}
	a.ID, _ = res.LastInsertId()
	a.Version = 1
	err = s.record(ctx, tx, "wijziging", []model.ActionChange{{ActionID: a.ID, Field: model.FieldCreated, New: a.Description}})
	return a, err
}

// UpdateAction saves an action if nobody changed it since it was read (else model.ErrConflict). Moving
// the due date later counts a postponement; the closed date follows the status; every changed field is
// written to the history in one batch, which undo can revert.
func (s *Store) UpdateAction(ctx context.Context, next model.Action) (model.Action, error) {
	next.Description, next.Owner = strings.TrimSpace(next.Description), strings.TrimSpace(next.Owner)
	if next.Status == "" {
		next.Status = model.ActionOpen
	}
	if err := next.Validate(); err != nil {
		return next, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanAction(tx.QueryRowContext(ctx, actionSelect+" WHERE a.id = ? AND a.deleted_at IS NULL", next.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return err
		}
		if old.Version != next.Version {
			return model.ErrConflict
		}
		if err := model.CheckDue(next.Due, old.MeetingDate); err != nil {
			return err
		}
		if err := checkDossier(ctx, tx, old.BodyID, next.DossierID); err != nil {
			return err
		}
		if err := checkDecisionLink(ctx, tx, old.BodyID, next.DecisionID); err != nil {
			return err
		}
		saved, changes := model.Apply(old, next, s.Today())
		if len(changes) == 0 {
			return nil
		}
		if err := writeAction(ctx, tx, saved); err != nil {
			return err
		}
		return s.record(ctx, tx, "wijziging", changes)
	})
	if err != nil {
		return next, err
	}
	return s.Action(ctx, next.ID)
}

// writeAction stores the editable fields and bumps the version.
func writeAction(ctx context.Context, tx *sql.Tx, a model.Action) error {
	res, err := tx.ExecContext(ctx, `UPDATE actions SET description = ?, owner = ?, due = ?, status = ?, dossier_id = ?,
		decision_id = ?, notes = ?, closed_on = ?, postponed = ?, imposition_id = ?, version = version + 1
		WHERE id = ? AND version = ? AND deleted_at IS NULL`,
		a.Description, a.Owner, nullDate(a.Due), a.Status, nullID(a.DossierID), nullID(a.DecisionID), a.Notes, nullDate(a.Closed),
		a.Postponed, nullID(a.ImpositionID), a.ID, a.Version)
	if err != nil {
		return err
	}
	return checkUpdated(ctx, tx, res, "actions", a.ID)
}

// SetActionStatus changes only the status (the quick keys x and w).
func (s *Store) SetActionStatus(ctx context.Context, a model.Action, st model.ActionStatus) (model.Action, error) {
	a.Status = st
	return s.UpdateAction(ctx, a)
}

// PostponeAction moves the due date days later (from today when the action has no date) and counts it.
func (s *Store) PostponeAction(ctx context.Context, a model.Action, days int) (model.Action, error) {
	if days <= 0 {
		return a, model.Invalid("due", "uitstellen kan alleen naar later")
	}
	if a.Due.IsZero() {
		a.Due = s.Today()
	}
	a.Due = a.Due.AddDays(days)
	return s.UpdateAction(ctx, a)
}

// DeleteAction moves an action to the prullenbak; the history records it, so undo can bring it back.
func (s *Store) DeleteAction(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var desc string
		if err := tx.QueryRowContext(ctx, "SELECT description FROM actions WHERE id = ? AND deleted_at IS NULL", id).Scan(&desc); err != nil {
			return err
		}
		if err := s.softDelete(ctx, tx, "actions", id); err != nil {
			return err
		}
		return s.record(ctx, tx, "wijziging", []model.ActionChange{{ActionID: id, Field: model.FieldDeleted, Old: desc}})
	})
}
