package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// decisionOrder is the order of the besluitenlijst: by number, as the key (body_id, year, seq) holds it.
const decisionOrder = "d.year, d.seq"

// decisionFilterSQL is the year and meeting of filter f as a condition on decisions d; the search words
// are matched apart (decisionMatches).
func decisionFilterSQL(bodyID int64, f model.DecisionFilter) (string, []any) {
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
	return where, args
}

// DecisionsPage returns one window of a body's decisions that pass the filter, by number, with how many
// pass. A focus decision that passes the filter is in the window, which is then centred on it.
func (s *Store) DecisionsPage(ctx context.Context, bodyID int64, f model.DecisionFilter, r model.PageRequest) (model.DecisionPage, error) {
	out := model.DecisionPage{Focus: -1}
	out.Rows = []model.Decision{}
	where, wargs := decisionFilterSQL(bodyID, f)
	if strings.TrimSpace(f.Query) != "" {
		ids, err := s.decisionMatches(ctx, where, wargs, f)
		if err != nil {
			return out, err
		}
		out.Total = len(ids)
		for i, id := range ids {
			if id == r.Focus {
				out.Focus = i
			}
		}
		out.Offset = r.Start(out.Total, out.Focus)
		ids = ids[out.Offset:min(out.Offset+r.Size(), len(ids))]
		if len(ids) == 0 {
			return out, nil
		}
		in := strings.Repeat(",?", len(ids))[1:]
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		out.Rows, err = s.queryDecisions(ctx, decisionSelect+" WHERE d.id IN ("+in+") ORDER BY "+decisionOrder, args...)
		return out, err
	}
	count := "SELECT count(*) FROM decisions d WHERE " + where
	if err := s.r.QueryRowContext(ctx, count, wargs...).Scan(&out.Total); err != nil {
		return out, mapErr(err)
	}
	if r.Focus != 0 {
		var year, seq int
		err := s.r.QueryRowContext(ctx, "SELECT d.year, d.seq FROM decisions d WHERE d.id = ? AND "+where,
			append([]any{r.Focus}, wargs...)...).Scan(&year, &seq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return out, mapErr(err)
		default:
			err := s.r.QueryRowContext(ctx, count+" AND d.year <= ? AND (d.year < ? OR d.seq < ?)",
				append(slices.Clone(wargs), year, year, seq)...).Scan(&out.Focus)
			if err != nil {
				return out, mapErr(err)
			}
		}
	}
	out.Offset = r.Start(out.Total, out.Focus)
	if out.Total == 0 {
		return out, nil
	}
	// Only the window's rows are read and joined for display; its numbers come from an index, counted
	// from the nearer end of the list.
	n := min(r.Size(), out.Total-out.Offset)
	order, off := decisionOrder, out.Offset
	if back := out.Total - out.Offset - n; back < out.Offset {
		order, off = "d.year DESC, d.seq DESC", back
	}
	q := "SELECT " + decisionCols + " FROM (SELECT d.id FROM decisions d WHERE " + where + " ORDER BY " + order +
		" LIMIT ? OFFSET ?) w JOIN decisions d ON d.id = w.id " + decisionJoins + " ORDER BY " + decisionOrder
	var err error
	out.Rows, err = s.queryDecisions(ctx, q, append(wargs, n, off)...)
	return out, err
}

func (s *Store) queryDecisions(ctx context.Context, q string, args ...any) ([]model.Decision, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
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
		out = append(out, d)
	}
	return out, mapErr(rows.Err())
}

// decisionMatches lists, by number, the ids of the decisions under where that match f's search words in
// their number, text, dossier or agenda item, as model.DecisionFilter.Match does. SQLite tests each
// word with LIKE, which ignores the case of ASCII letters only, and, for a text with other letters,
// with LIKE on the folded text too. A plain LIKE hit is a hit of Match as well; a decision found only
// through folding (search.Fold strips more than model.Fold does) is decided by Match.
func (s *Store) decisionMatches(ctx context.Context, where string, args []any, f model.DecisionFilter) ([]int64, error) {
	args = slices.Clone(args)
	plain, pargs := []string{}, []any{}
	for _, w := range strings.Fields(model.Fold(strings.TrimSpace(f.Query))) {
		like, flike := likeContains(w), likeContains(search.Fold(w))
		var hit, folded []string
		var hargs, fargs []any
		for _, col := range []string{"d.text", "o.title", "i.title"} {
			hit = append(hit, col+` LIKE ? ESCAPE '\'`)
			hargs = append(hargs, like)
			folded = append(folded, "length("+col+") <> octet_length("+col+") AND werkbank_fold("+col+`) LIKE ? ESCAPE '\'`)
			fargs = append(fargs, flike)
		}
		if strings.Trim(w, "0123456789-") == "" { // only such a word can be in a number
			hit = append(hit, `printf('%d-%03d', d.year, d.seq) LIKE ? ESCAPE '\'`)
			hargs = append(hargs, like)
		}
		plain = append(plain, "("+strings.Join(hit, " OR ")+")")
		pargs = append(pargs, hargs...)
		where += " AND (" + strings.Join(hit, " OR ") + " OR " + strings.Join(folded, " OR ") + ")"
		args = slices.Concat(args, hargs, fargs)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id, COALESCE("+strings.Join(plain, " AND ")+", 0)"+` FROM decisions d
		LEFT JOIN dossiers o ON o.id = d.dossier_id AND o.deleted_at IS NULL
		LEFT JOIN agenda_items i ON i.id = d.agenda_item_id
		WHERE `+where+" ORDER BY "+decisionOrder, slices.Concat(pargs, args)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	ids, loose := []int64{}, map[int64]bool{}
	for rows.Next() {
		var id int64
		var sure bool
		if err := rows.Scan(&id, &sure); err != nil {
			return nil, err
		}
		ids = append(ids, id)
		if !sure {
			loose[id] = true
		}
	}
	if err := rows.Err(); err != nil || len(loose) == 0 {
		return ids, mapErr(err)
	}
	rows.Close()
	miss, err := s.decisionMisses(ctx, loose, f)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(ids, func(id int64) bool { return miss[id] }), nil
}

// decisionMisses reads the decisions found only through folding and returns those that
// model.DecisionFilter.Match does not find.
func (s *Store) decisionMisses(ctx context.Context, ids map[int64]bool, f model.DecisionFilter) (map[int64]bool, error) {
	args := make([]any, 0, len(ids))
	for id := range ids {
		args = append(args, id)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT d.id, d.year, d.seq, d.meeting_id, d.text, o.title, i.title FROM decisions d
		LEFT JOIN dossiers o ON o.id = d.dossier_id AND o.deleted_at IS NULL
		LEFT JOIN agenda_items i ON i.id = d.agenda_item_id
		WHERE d.id IN (`+strings.Repeat(",?", len(args))[1:]+")", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	miss := map[int64]bool{}
	for rows.Next() {
		var d model.Decision
		var meeting sql.NullInt64
		var dossier, item sql.NullString
		if err := rows.Scan(&d.ID, &d.Year, &d.Seq, &meeting, &d.Text, &dossier, &item); err != nil {
			return nil, err
		}
		d.MeetingID, d.DossierTitle, d.ItemTitle = meeting.Int64, dossier.String, item.String
		if !f.Match(d) {
			miss[d.ID] = true
		}
	}
	return miss, mapErr(rows.Err())
}
