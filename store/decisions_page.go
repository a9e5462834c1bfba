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

// decisionOrder is the order of the besluitenlijst: by number, as the index decisions_list holds it.
const (
	decisionOrder     = "d.year, d.seq"
	decisionOrderDesc = "d.year DESC, d.seq DESC"
	// decisionTitles joins what a search looks in besides the number and the text.
	decisionTitles = `LEFT JOIN dossiers o ON o.id = d.dossier_id AND o.deleted_at IS NULL
		LEFT JOIN agenda_items i ON i.id = d.agenda_item_id`
)

// decisionFilterSQL is the year and meeting of filter f as a condition on decisions d; the search words
// are decisionSearchSQL's.
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

// decisionSearchSQL is the condition that a decision (d, with its dossier o and agenda item i) has
// every search word of f in its number, text, dossier or agenda item, as model.DecisionFilter.Match
// looks for them. Each word is tested with LIKE, which ignores the case of ASCII letters only, and, for
// a text with other letters, with LIKE on the folded text too. sure is the condition that every word
// was found by a plain LIKE: such a decision is a hit of Match as well. One found only through folding
// (search.Fold strips more than model.Fold does) must be decided by Match.
func decisionSearchSQL(f model.DecisionFilter) (cond string, args []any, sure string, sargs []any) {
	var conds, sures []string
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
		sures = append(sures, "("+strings.Join(hit, " OR ")+")")
		sargs = append(sargs, hargs...)
		conds = append(conds, "("+strings.Join(hit, " OR ")+" OR "+strings.Join(folded, " OR ")+")")
		args = slices.Concat(args, hargs, fargs)
	}
	return strings.Join(conds, " AND "), args, "COALESCE(" + strings.Join(sures, " AND ") + ", 0)", sargs
}

// DecisionsPage returns one window of a body's decisions that pass the filter, by number, with how many
// pass. A focus decision that passes the filter is in the window, which is then centred on it.
func (s *Store) DecisionsPage(ctx context.Context, bodyID int64, f model.DecisionFilter, r model.PageRequest) (model.DecisionPage, error) {
	out := model.DecisionPage{Focus: -1}
	out.Rows = []model.Decision{}
	where, wargs := decisionFilterSQL(bodyID, f)
	from := "FROM decisions d "
	if strings.TrimSpace(f.Query) != "" {
		cond, cargs, sure, sargs := decisionSearchSQL(f)
		from += decisionTitles + " "
		where, wargs = where+" AND "+cond, append(wargs, cargs...)
		var loose int
		err := s.r.QueryRowContext(ctx, "SELECT count(*), COALESCE(sum(NOT "+sure+"), 0) "+from+"WHERE "+where,
			slices.Concat(sargs, wargs)...).Scan(&out.Total, &loose)
		if err != nil {
			return out, mapErr(err)
		}
		if loose > 0 {
			return s.decisionsMatched(ctx, from+"WHERE "+where, wargs, sure, sargs, f, r)
		}
	} else if err := s.r.QueryRowContext(ctx, "SELECT count(*) "+from+"WHERE "+where, wargs...).Scan(&out.Total); err != nil {
		return out, mapErr(err)
	}
	if r.Focus != 0 {
		var year, seq int
		err := s.r.QueryRowContext(ctx, "SELECT d.year, d.seq "+from+"WHERE d.id = ? AND "+where,
			append([]any{r.Focus}, wargs...)...).Scan(&year, &seq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return out, mapErr(err)
		default:
			err := s.r.QueryRowContext(ctx, "SELECT count(*) "+from+"WHERE "+where+" AND d.year <= ? AND (d.year < ? OR d.seq < ?)",
				append(slices.Clone(wargs), year, year, seq)...).Scan(&out.Focus)
			if err != nil {
				return out, mapErr(err)
			}
		}
	}
	out.Offset = r.Start(out.Total, out.Focus)
	n := min(r.Size(), out.Total-out.Offset)
	if n <= 0 {
		return out, nil
	}
	// Only the window's rows are read and joined for display; its numbers are counted from the nearer end
	// of the list.
	order, off := decisionOrder, out.Offset
	if back := out.Total - out.Offset - n; back < out.Offset {
		order, off = decisionOrderDesc, back
	}
	q := "SELECT " + decisionCols + " FROM (SELECT d.id " + from + "WHERE " + where + " ORDER BY " + order +
		" LIMIT ? OFFSET ?) w JOIN decisions d ON d.id = w.id " + decisionJoins + " ORDER BY " + decisionOrder
	var err error
	out.Rows, err = s.queryDecisions(ctx, q, append(wargs, n, off)...)
	return out, err
}

// decisionsMatched is DecisionsPage for a search with hits found only through folding: it lists the ids
// of every hit, lets model.DecisionFilter.Match decide on those, and reads the window by id.
func (s *Store) decisionsMatched(ctx context.Context, fromWhere string, args []any, sure string, sargs []any,
	f model.DecisionFilter, r model.PageRequest) (model.DecisionPage, error) {
	out := model.DecisionPage{Focus: -1}
	out.Rows = []model.Decision{}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id, "+sure+" "+fromWhere+" ORDER BY "+decisionOrder, slices.Concat(sargs, args)...)
	if err != nil {
		return out, mapErr(err)
	}
	defer rows.Close()
	ids, loose := []int64{}, map[int64]bool{}
	for rows.Next() {
		var id int64
		var sure bool
		if err := rows.Scan(&id, &sure); err != nil {
			return out, err
		}
		ids = append(ids, id)
		if !sure {
			loose[id] = true
		}
	}
	if err := rows.Err(); err != nil {
		return out, mapErr(err)
	}
	rows.Close()
	miss, err := s.decisionMisses(ctx, loose, f)
	if err != nil {
		return out, err
	}
	ids = slices.DeleteFunc(ids, func(id int64) bool { return miss[id] })
	out.Total = len(ids)
	out.Focus = slices.Index(ids, r.Focus)
	out.Offset = r.Start(out.Total, out.Focus)
	ids = ids[out.Offset:min(out.Offset+r.Size(), len(ids))]
	if len(ids) == 0 {
		return out, nil
	}
	in := make([]any, len(ids))
	for i, id := range ids {
		in[i] = id
	}
	out.Rows, err = s.queryDecisions(ctx, decisionSelect+" WHERE d.id IN ("+strings.Repeat(",?", len(in))[1:]+") ORDER BY "+decisionOrder, in...)
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

// decisionMisses reads the decisions found only through folding and returns those that
// model.DecisionFilter.Match does not find.
func (s *Store) decisionMisses(ctx context.Context, ids map[int64]bool, f model.DecisionFilter) (map[int64]bool, error) {
	args := make([]any, 0, len(ids))
	for id := range ids {
		args = append(args, id)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id, d.year, d.seq, d.meeting_id, d.text, o.title, i.title FROM decisions d "+
		decisionTitles+" WHERE d.id IN ("+strings.Repeat(",?", len(args))[1:]+")", args...)
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
