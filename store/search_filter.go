package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// The filter-first plan pays for every document its filter passes (read from an index) and every
// matching rowid, the walk for every matching document it passes over (a lookup in documents_search,
// and for a sender or a dossier a LIKE): the walk finds CountCap+1 documents in about CountCap/p
// matching documents when a fraction p of the documents pass. Measured on 100,000 generated
// documents, a sender that passes 1% (afzender:bakker) takes 30-40 ms filter-first against 130-190
// walking, but a type in a year (9%) or a quarter (12%) is no faster filter-first than walked. So the
// filter-first plan is taken when its filter passes at most archive/senderShare documents for a
// sender or a dossier, archive/typeShare for a type or a period, the archive's size taken from its
// largest id; past that, reading the filter's ids stops.
const (
	senderShare = 5
	typeShare   = 40
)

// fastPlans switches on filteredCandidates and byDatePage; a test switches them off to compare their
// results with those of the plain queries they stand in for.
var fastPlans = true

// filteredCandidates is candidates for a filter that leaves few documents: a common word with
// afzender:bakker is in some 35,000 documents, of which a few hundred pass, and walking its doclist
// costs a lookup and a LIKE per matching document. Here an index gives the documents that
// pass one filter (filteredIDs), the doclist only its rowids (no seek), and the two are intersected
// in Go; date and title are read for the documents in both, newest first, with the whole filter,
// until CountCap+1 pass. The result is exactly that of the walk.
//
// ok is false when no filter is served by an index or each passes too many documents (typeShare):
// then the walk is the better plan.
func (s *Store) filteredCandidates(ctx context.Context, match string, f filter) ([]candidate, bool, error) {
	ids, ok, err := s.filteredIDs(ctx, f)
	if err != nil || !ok {
		return nil, false, err
	}
	if len(ids) == 0 {
		return nil, true, nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	both, err := s.intersectMatch(ctx, match, ids)
	if err != nil {
		return nil, false, err
	}
	var out []candidate
	for len(both) > 0 && len(out) <= model.CountCap {
		n := min(len(both), max(model.CountCap+1-len(out), 64))
		got, err := s.candidatesIn(ctx, both[:n], f)
		if err != nil {
			return nil, false, err
		}
		out = append(out, got...)
		both = both[n:]
	}
	return out[:min(len(out), model.CountCap+1)], true, nil
}

// filteredIDs reads from an index the ids of the documents passing one of f's filters (a superset of
// those passing f): the sender, the dossier, the type with the dates, or the dates, the first that
// passes few enough documents (typeShare, senderShare).
func (s *Store) filteredIDs(ctx context.Context, f filter) ([]int64, bool, error) {
	var archive int64
	if err := s.r.QueryRowContext(ctx, "SELECT COALESCE(max(id), 0) FROM documents").Scan(&archive); err != nil {
		return nil, false, err
	}
	type plan struct {
		query string
		args  []any
		most  int
	}
	var plans []plan
	add := func(share int64, query string, args ...any) {
		most := int(max(archive/share, model.CountCap))
		plans = append(plans, plan{query + " LIMIT " + strconv.Itoa(most+1), args, most})
	}
	if f.sender != "" && f.body != 0 {
		// Skip through the distinct senders of the body (a few hundred, against a hundred thousand
		// documents), test each once, and read the documents of those that match.
		cond, a := foldedLike("s.v", f.sender)
		add(senderShare, `WITH RECURSIVE s(v) AS (
				SELECT (SELECT min(sender) FROM documents INDEXED BY documents_body_sender WHERE body_id = ?1)
				UNION ALL
				SELECT (SELECT min(sender) FROM documents INDEXED BY documents_body_sender WHERE body_id = ?1 AND sender > s.v)
				FROM s WHERE s.v IS NOT NULL
			)
			SELECT d.id FROM s CROSS JOIN documents d INDEXED BY documents_body_sender ON d.body_id = ?1 AND d.sender = s.v
			WHERE s.v IS NOT NULL AND `+cond, f.body, a, a) // SQLite numbers cond's two ? 2 and 3, after ?1
	}
	if f.dossier != "" {
		cond, a := dossierCond("d.dossier_id", f.dossier)
		add(senderShare, "SELECT d.id FROM documents d WHERE "+cond, a)
	}
	dates, dateArgs := "", []any{}
	if f.from != "" {
		dates += " AND date >= ?"
		dateArgs = append(dateArgs, f.from)
	}
	if f.to != "" {
		dates += " AND date <= ?"
		dateArgs = append(dateArgs, f.to)
	}
	if len(f.types) > 0 && f.body != 0 {
		marks := strings.Repeat("?,", len(f.types))
		add(typeShare, "SELECT id FROM documents INDEXED BY documents_body_type WHERE body_id = ? AND type IN ("+marks[:len(marks)-1]+")"+dates,
			append(append([]any{f.body}, f.types...), dateArgs...)...)
	}
	if dates != "" && f.body != 0 {
		add(typeShare, "SELECT id FROM documents INDEXED BY documents_body_date WHERE body_id = ?"+dates, append([]any{f.body}, dateArgs...)...)
	}
	for _, p := range plans {
		var list sql.NullString
		if err := s.r.QueryRowContext(ctx, "SELECT group_concat(id) FROM ("+p.query+")", p.args...).Scan(&list); err != nil {
			return nil, false, err
		}
		ids, err := parseIDs(list.String)
		if err != nil {
			return nil, false, err
		}
		if len(ids) <= p.most {
			return ids, true, nil
		}
	}
	return nil, false, nil
}

// intersectMatch returns those of ids (ascending) that match, newest first. The doclist is read only between
// the first and the last id: when the filter is a period, documents archived in that period. The
// matching rowids come back as one string: a row per rowid through database/sql costs twice the
// reading of the doclist itself (34,729 rowids: 15-20 ms against 7).
func (s *Store) intersectMatch(ctx context.Context, match string, ids []int64) ([]int64, error) {
	var list sql.NullString
	err := s.r.QueryRowContext(ctx, "SELECT group_concat(rowid) FROM "+search.Table+" WHERE "+search.Table+" MATCH ? AND rowid BETWEEN ? AND ?",
		match, ids[0], ids[len(ids)-1]).Scan(&list)
	if err != nil || list.String == "" {
		return nil, err
	}
	matching, err := parseIDs(list.String)
	if err != nil {
		return nil, err
	}
	if !slices.IsSorted(matching) {
		slices.Sort(matching)
	}
	var both []int64
	for i, j := len(ids)-1, len(matching)-1; i >= 0 && j >= 0; {
		switch a, b := ids[i], matching[j]; {
		case a > b:
			i--
		case a < b:
			j--
		default:
			both = append(both, a)
			i--
			j--
		}
	}
	return both, nil
}

// parseIDs reads the integers of a comma-separated list (group_concat).
func parseIDs(list string) ([]int64, error) {
	out := make([]int64, 0, strings.Count(list, ",")+1)
	for len(list) > 0 {
		field, rest, _ := strings.Cut(list, ",")
		id, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
		list = rest
	}
	return out, nil
}

// candidatesIn reads the candidates among ids (newest first) that pass f, in the order of ids.
func (s *Store) candidatesIn(ctx context.Context, ids []int64, f filter) ([]candidate, error) {
	marks := strings.Repeat("?,", len(ids))
	args := make([]any, 0, len(ids)+len(f.args))
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id, d.date, d.title FROM documents d INDEXED BY documents_search WHERE d.id IN ("+marks[:len(marks)-1]+") AND "+f.where,
		append(args, f.args...)...)
	if err != nil {
		return nil, err
	}
	out, err := scanCandidates(rows)
	slices.SortFunc(out, func(a, b candidate) int { return cmp.Compare(b.id, a.id) })
	return out, err
}

// filteredPage is the page of a search by filters alone (afzender:bakker, no words) when one filter is
// served by an index and passes few documents: those documents are read through documents_search, the
// whole filter applied, and ordered by date as the plain query orders them. Scanning the archive for
// the sender instead looked up every document's row: seconds on 100,000 documents.
func (s *Store) filteredPage(ctx context.Context, f filter, full bool, offset, limit int) ([]int64, int, bool, bool, error) {
	ids, ok, err := s.filteredIDs(ctx, f)
	if err != nil || !ok {
		return nil, 0, false, false, err
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var pass []candidate
	for len(ids) > 0 {
		n := min(len(ids), 500)
		got, err := s.candidatesIn(ctx, ids[:n], f)
		if err != nil {
			return nil, 0, false, false, err
		}
		pass = append(pass, got...)
		ids = ids[n:]
	}
	slices.SortFunc(pass, func(a, b candidate) int {
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	n, capped := len(pass), false
	if !full && n > model.CountCap {
		n, capped = model.CountCap, true
	}
	if limit <= 0 {
		return nil, n, capped, true, nil
	}
	return pageOf(pass, offset, limit), n, capped, true, nil
}
