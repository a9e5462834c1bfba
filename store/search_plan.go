package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"

	"github.com/werkbank-nl/werkbank/store/search"
)

// documentPage finds the ids of one page of matching documents, in order, and counts the matches
// (capped at CountCap unless opt.FullCount). It reads no text: the text of the fifty documents shown is
// read once they are chosen.
//
// Measured on 100,000 generated documents (a content word is in some 40% of them) with
// modernc.org/sqlite, FTS5's bm25 (ORDER BY rank) reads the whole doclist of every phrase once per
// query, for the inverse document frequency, and scores every match before the first row comes out:
// 150-800 ms for a common word, whatever the LIMIT or a rowid bound. So:
//
//   - One pass collects the candidates: the matching documents that pass the filters, most recently
//     archived first (ORDER BY rowid DESC, which FTS5 walks backwards through its doclists and stops
//     at the LIMIT), at most CountCap+1. That is the count, and for up to CountCap hits every hit.
//     When a filter leaves few documents (afzender:, dossier:, a type in a year) the walk would pass
//     over most of a common word's doclist; then the same candidates come from an index of that
//     filter intersected with the matching rowids (search_filter.go).
//   - Up to CountCap hits, when the words themselves are not common: bm25 (ORDER BY rank, with the
//     weights of the table's rank configuration: title above text, as written above inflected).
//   - A common word (more than CountCap documents before the filters): the candidates, those with a
//     match in the title first, each group most recently archived first; past the candidates, the
//     rest in archive order. The title still weighs above the text; among a thousand hits on a
//     common word the recent ones are the likely ones, and a second word or a filter narrows.
//   - By date: the candidates sorted, or beyond CountCap the body's date index walked against the
//     set of matching ids (byDatePage).
//
// CROSS JOIN keeps the FTS5 table the outer loop, so that its order (rank or rowid) is the order of
// the result and LIMIT stops it. Each match is looked up in documents_search, which has every column
// a filter tests without the text (migration 0010): 3-4 times cheaper than a seek in documents.
func (s *Store) documentPage(ctx context.Context, q search.Query, f filter, opt SearchOptions, offset, limit int) ([]int64, int, bool, error) {
	if q.Match == "" {
		if fastPlans && f.narrows {
			if ids, n, capped, ok, err := s.filteredPage(ctx, f, opt.FullCount, offset, limit); err != nil || ok {
				return ids, n, capped, err
			}
		}
		n, capped, err := s.countDocuments(ctx, "", f, opt.FullCount)
		if err != nil || limit <= 0 {
			return nil, n, capped, err
		}
		ids, err := s.ids(ctx, "SELECT d.id FROM documents d WHERE "+f.where+byDateOrder+" LIMIT ? OFFSET ?",
			append(f.args[:len(f.args):len(f.args)], limit, offset))
		return ids, n, capped, err
	}
	rankQuery := "SELECT d.id" + ftsJoin + ftsMatch + f.where + " ORDER BY f.rank LIMIT ? OFFSET ?"
	rankArgs := append(append([]any{q.Match}, f.args...), limit, offset)
	var early *rankAhead
	switch {
	case fastPlans && limit > 0 && !opt.SortByDate && !f.narrows && hasPhrase(q.Terms):
		early = s.rankEarly(ctx, func(ctx context.Context) ([]int64, error) { return s.ids(ctx, rankQuery, rankArgs) })
		defer early.stop()
	case fastPlans && limit > 0 && opt.SortByDate:
		// By date, a common query pages through the date index (byDatePage) after the count: start it
		// beside the count, as a rare one (the count's candidates sorted) stops it at once.
		early = s.rankEarly(ctx, func(ctx context.Context) ([]int64, error) { return s.byDatePage(ctx, q.Match, f, offset, limit) })
		defer early.stop()
	}
	cands, err := s.candidates(ctx, q.Match, f)
	if err != nil {
		return nil, 0, false, err
	}
	n, capped := len(cands), len(cands) > model.CountCap
	common, shownCapped := capped, capped
	if capped {
		n = model.CountCap
		if opt.FullCount {
			if n, _, err = s.countDocuments(ctx, q.Match, f, true); err != nil {
				return nil, 0, false, err
			}
			shownCapped = false
		}
	}
	if limit <= 0 || len(cands) == 0 {
		return nil, n, shownCapped, nil
	}
	matchArgs := func(match string, lim, off int) []any {
		return append(append([]any{match}, f.args...), lim, off)
	}
	switch {
	case opt.SortByDate && capped && fastPlans:
		ids, err := early.wait()
		return ids, n, shownCapped, err
	case opt.SortByDate && capped:
		ids, err := s.ids(ctx, "SELECT d.id FROM documents d WHERE "+f.where+" AND d.id IN (SELECT rowid FROM "+search.Table+
			" WHERE "+search.Table+" MATCH ?)"+byDateOrder+" LIMIT ? OFFSET ?", append(append(f.args[:len(f.args):len(f.args)], q.Match), limit, offset))
		return ids, n, shownCapped, err
	case opt.SortByDate:
		slices.SortStableFunc(cands, func(a, b candidate) int { return b.date.Compare(a.date) })
		return pageOf(cands, offset, limit), n, shownCapped, nil
	case !capped:
		if f.narrows {
			if common, err = s.commonMatch(ctx, q.Match); err != nil {
				return nil, 0, false, err
			}
		}
		if !common {
			if early != nil && !opt.SortByDate {
				ids, err := early.wait()
				return ids, n, shownCapped, err
			}
			ids, err := s.ids(ctx, rankQuery, rankArgs)
			return ids, n, shownCapped, err
		}
	}
	titleFirst(cands, q.Terms)
	ids := pageOf(cands, offset, limit)
	if capped && len(ids) < limit {
		more, err := s.ids(ctx, "SELECT d.id"+ftsJoin+ftsMatch+f.where+" ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
			matchArgs(q.Match, limit-len(ids), max(offset, len(cands))))
		if err != nil {
			return nil, 0, false, err
		}
		ids = append(ids, more...)
	}
	return ids, n, shownCapped, nil
}

// rankAhead is a page read on a second connection while the candidates pass counts the matches: the
// bm25 page of a phrase query, or the by-date page of a common query. A phrase of two common words costs a full read of both doclists in each pass (and
// bm25 reads them once more for its weights); most phrases are not common, so the ranked page is
// usually wanted, and running it beside the count uses the second core instead of waiting: about a
// third off a phrase's time. When the phrase turns out to be common, stop cancels it.
type rankAhead struct {
	cancel context.CancelFunc
	done   chan struct{}
	ids    []int64
	err    error
}

func (s *Store) rankEarly(ctx context.Context, page func(context.Context) ([]int64, error)) *rankAhead {
	ctx, cancel := context.WithCancel(ctx)
	r := &rankAhead{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		r.ids, r.err = page(ctx)
	}()
	return r
}

// wait returns the ranked page.
func (r *rankAhead) wait() ([]int64, error) {
	<-r.done
	return r.ids, r.err
}

// stop cancels the pass if it still runs and waits until its connection is back in the pool.
func (r *rankAhead) stop() {
	r.cancel()
	<-r.done
}

// hasPhrase reports whether the query has a phrase (Query.Terms writes one with spaces).
func hasPhrase(terms []string) bool {
	for _, t := range terms {
		if strings.Contains(t, " ") {
			return true
		}
	}
	return false
}

// candidate is a matching document as the first pass reads it.
type candidate struct {
	id    int64
	date  model.Date
	title string
}

// candidates returns up to CountCap+1 matching documents that pass f, most recently archived first.
func (s *Store) candidates(ctx context.Context, match string, f filter) ([]candidate, error) {
	if f.narrows && fastPlans {
		if cands, ok, err := s.filteredCandidates(ctx, match, f); err != nil || ok {
			return cands, err
		}
	}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id, d.date, d.title"+ftsJoin+ftsMatch+f.where+" ORDER BY f.rowid DESC LIMIT ?",
		append(append([]any{match}, f.args...), model.CountCap+1)...)
	if err != nil {
		return nil, err
	}
	return scanCandidates(rows)
}

// scanCandidates reads rows of (id, date, title) and closes them.
func scanCandidates(rows *sql.Rows) ([]candidate, error) {
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var date sql.NullString
		if err := rows.Scan(&c.id, &date, &c.title); err != nil {
			return nil, err
		}
		c.date = scanDate(date)
		out = append(out, c)
	}
	return out, rows.Err()
}

// byDatePage is one page of the matching documents that pass f, newest first, for a word too common
// to sort its candidates: the documents passing f are walked in date order (the body's date index)
// and each is looked up in the sorted matching ids, until the page is full. The ids come back from
// SQLite as one string; an IN (SELECT rowid ...) subquery made SQLite build a b-tree of them first
// (some 40,000 for a common word: 30-40 ms, against 7 for the string).
func (s *Store) byDatePage(ctx context.Context, match string, f filter, offset, limit int) ([]int64, error) {
	var list sql.NullString
	err := s.r.QueryRowContext(ctx, "SELECT group_concat(rowid) FROM "+search.Table+" WHERE "+search.Table+" MATCH ?", match).Scan(&list)
	if err != nil {
		return nil, err
	}
	matching, err := parseIDs(list.String)
	if err != nil {
		return nil, err
	}
	if !slices.IsSorted(matching) {
		slices.Sort(matching)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT d.id FROM documents d WHERE "+f.where+byDateOrder, f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for len(ids) < limit && rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if _, found := slices.BinarySearch(matching, id); !found {
			continue
		}
		if offset > 0 {
			offset--
			continue
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// commonMatch reports whether more than CountCap documents match, in any body. document_fts holds a
// row for every document outside the prullenbak and for no other (search.DDL), so its rowids alone
// tell: no seek in documents per match.
func (s *Store) commonMatch(ctx context.Context, match string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT rowid FROM "+search.Table+" WHERE "+search.Table+" MATCH ? LIMIT ?)",
		match, model.CountCap+1).Scan(&n)
	return n > model.CountCap, err
}

// titleFirst moves the candidates with a match in the title to the front, keeping the order within
// each group.
func titleFirst(cands []candidate, terms []string) {
	inTitle := make(map[int64]bool, len(cands))
	for _, c := range cands {
		inTitle[c.id] = len(search.Highlight(c.title, terms)) > 0
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		switch {
		case inTitle[a.id] == inTitle[b.id]:
			return 0
		case inTitle[a.id]:
			return -1
		}
		return 1
	})
}

func pageOf(cands []candidate, offset, limit int) []int64 {
	var ids []int64
	for i := offset; i < len(cands) && len(ids) < limit; i++ {
		ids = append(ids, cands[i].id)
	}
	return ids
}

func (s *Store) ids(ctx context.Context, query string, args []any) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

const (
	ftsJoin     = " FROM " + search.Table + " f CROSS JOIN documents d INDEXED BY documents_search ON d.id = f.rowid"
	ftsMatch    = " WHERE f." + search.Table + " MATCH ? AND "
	byDateOrder = " ORDER BY d.date DESC, d.id DESC"
)
