package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/werkbank-nl/werkbank/model"
)

// The Acties screen pages through the actielijst: it asks for a window of rows around its cursor and
// for the counts, never for every action. Migration 0009 keeps the list's order (by due date, no date
// last, then by number) in two indexes that hold every column a filter tests, one of all actions and a
// small one of the open actions, so that counting and skipping to a window read an index alone.

const (
	// actionOrder is the order of the actielijst, as the indexes hold it; actionOrderDesc reverses it.
	actionOrder     = "a.due IS NULL, a.due, a.id"
	actionOrderDesc = "a.due IS NULL DESC, a.due DESC, a.id DESC"
	// actionIsOpen is written as the index actions_open's condition is, so that SQLite sees it applies.
	actionIsOpen = "a.status IN ('open','bezig')"
)

// actionFilterSQL is filter f on day as a condition on actions a alone (no joins), with its
// arguments. It means what model.ActionFilter.Match means, except that the owner's case is ignored
// for ASCII letters only (SQLite's NOCASE): owners are picked from the same list of names.
func actionFilterSQL(bodyID int64, f model.ActionFilter, day model.Date) (string, []any) {
	where := "a.body_id = ? AND a.deleted_at IS NULL"
	args := []any{bodyID}
	if f.Owner != "" {
		where += " AND a.owner = ? COLLATE NOCASE"
		args = append(args, f.Owner)
	}
	if f.OpenOnly || f.Overdue {
		where += " AND " + actionIsOpen
	}
	if f.Overdue {
		where += " AND a.due < ?" // a late action has a date before the day (NULL never compares)
		args = append(args, day.String())
	}
	if f.MeetingID != 0 {
		where += " AND a.meeting_id = ?"
		args = append(args, f.MeetingID)
	}
	if f.DossierID != 0 {
		where += " AND a.dossier_id = ?"
		args = append(args, f.DossierID)
	}
	return where, args
}

// ActionsPage returns one window of a body's actions that pass the filter on day, in the order of
// Actions, with how many pass and how many of those are late. A focus action that passes the filter is
// in the window, which is then centred on it.
func (s *Store) ActionsPage(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date, r model.PageRequest) (model.ActionPage, error) {
	out := model.ActionPage{Focus: -1}
	out.Rows = []model.Action{}
	where, wargs := actionFilterSQL(bodyID, f, day)
	count := "SELECT count(*) FROM actions a WHERE " + where
	late := count + " AND " + actionIsOpen + " AND a.due < ?"
	args := slices.Concat(wargs, wargs, []any{day.String()})
	if err := s.r.QueryRowContext(ctx, "SELECT ("+count+"), ("+late+")", args...).Scan(&out.Total, &out.Late); err != nil {
		return out, mapErr(err)
	}
	if r.Focus != 0 {
		pos, err := s.actionPosition(ctx, where, wargs, r.Focus)
		if err != nil {
			return out, err
		}
		out.Focus = pos
	}
	out.Offset = r.Start(out.Total, out.Focus)
	n := min(r.Size(), out.Total-out.Offset)
	if n <= 0 {
		return out, nil
	}
	// Only the window's rows are read and joined for display; its numbers come from an index, counted
	// from the nearer end of the list, so the last page costs what the first does.
	order, off := actionOrder, out.Offset
	if back := out.Total - out.Offset - n; back < out.Offset {
		order, off = actionOrderDesc, back
	}
	q := "SELECT " + actionCols + " FROM (SELECT a.id FROM actions a WHERE " + where + " ORDER BY " + order +
		" LIMIT ? OFFSET ?) w JOIN actions a ON a.id = w.id " + actionJoins + " ORDER BY " + actionOrder
	rows, err := s.r.QueryContext(ctx, q, append(wargs, n, off)...)
	if err != nil {
		return out, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return out, err
		}
		out.Rows = append(out.Rows, a)
	}
	return out, mapErr(rows.Err())
}

// actionPosition is where action id stands in the list under where (the number of actions before it),
// or -1 when it is not in that list.
func (s *Store) actionPosition(ctx context.Context, where string, args []any, id int64) (int, error) {
	var due sql.NullString
	err := s.r.QueryRowContext(ctx, "SELECT a.due FROM actions a WHERE a.id = ? AND "+where, append([]any{id}, args...)...).Scan(&due)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return -1, mapErr(err)
	}
	// Written as ranges on the index's columns, so that only the actions before it are counted.
	before, bargs := " AND (a.due IS NULL) = 0 AND a.due <= ? AND (a.due < ? OR a.id < ?)", []any{due.String, due.String, id}
	if !due.Valid {
		before, bargs = " AND ((a.due IS NULL) = 0 OR a.id < ?)", []any{id}
	}
	var n int
	err = s.r.QueryRowContext(ctx, "SELECT count(*) FROM actions a WHERE "+where+before, append(slices.Clone(args), bargs...)...).Scan(&n)
	return n, mapErr(err)
}
