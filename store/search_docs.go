package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// SearchOptions and SearchResult are the model's, named here for callers of Search.
type (
	SearchOptions = model.SearchOptions
	SearchResult  = model.SearchResult
)

// snippetWidth is the width of a snippet in runes: one line of the result list at 100 columns.
const snippetWidth = 90

// SearchText parses a search box (search.Parse: never fails) and runs it. The result carries the
// parser's Problems and the terms to mark.
func (s *Store) SearchText(ctx context.Context, text string, opt SearchOptions) (SearchResult, error) {
	return s.Search(ctx, search.Parse(text), opt)
}

// Search finds documents, actions and decisions for a parsed query: actions and decisions first
// (there are few, and they are the council's own words), then documents by relevance (a word in the
// title above one in the text, a word as written above an inflection) or newest first. Filters run
// in SQL. The count is exact up to model.CountCap unless opt.FullCount.
//
// No error from a query the user typed reaches the caller: Parse makes every input a valid MATCH,
// and a MATCH FTS5 still refuses (none is known) becomes a Problem with no hits. Errors returned are
// those of the database itself (closed, unreadable).
func (s *Store) Search(ctx context.Context, q search.Query, opt SearchOptions) (SearchResult, error) {
	res := SearchResult{Hits: []model.SearchHit{}, Terms: q.Terms, Problems: q.Problems}
	if q.Empty() {
		return res, nil
	}
	if opt.Limit <= 0 {
		opt.Limit = 50
	}
	opt.Limit = min(opt.Limit, 1000)
	opt.Offset = max(opt.Offset, 0)
	kinds, problem := hitKinds(q.Type)
	if problem != "" {
		res.Problems = append(res.Problems, problem)
		return res, nil
	}
	var others []model.SearchHit
	if q.Match != "" && (kinds.action || kinds.decision) {
		var err error
		if others, err = s.searchOthers(ctx, q, opt, kinds); err != nil {
			return res, s.searchErr(err, &res)
		}
	}
	res.Hits = append(res.Hits, others[min(opt.Offset, len(others)):min(opt.Offset+opt.Limit, len(others))]...)
	res.Count = len(others)
	if !kinds.document {
		return res, nil
	}
	f := documentFilter(q, opt.BodyID, kinds.docTypes)
	page, n, capped, err := s.documentPage(ctx, q, f, opt, max(opt.Offset-len(others), 0), opt.Limit-len(res.Hits))
	if err != nil {
		return res, s.searchErr(err, &res)
	}
	res.Count += n
	res.CountCapped = capped
	docs, err := s.searchDocuments(ctx, page)
	if err != nil {
		return res, s.searchErr(err, &res)
	}
	for i := range docs {
		docs[i].Snippet = search.Snippet(docs[i].Snippet, q.Terms, snippetWidth)
	}
	res.Hits = append(res.Hits, docs...)
	if res.Hits == nil {
		res.Hits = []model.SearchHit{} // JSON: [], never null
	}
	return res, nil
}

// searchErr turns an SQLite error about the query into a Problem: whatever the user typed, they see
// Dutch and an empty list, never SQL. Other errors (a closed database) are returned as they are.
func (s *Store) searchErr(err error, res *SearchResult) error {
	msg := err.Error()
	if strings.Contains(msg, "fts5") || strings.Contains(msg, "syntax error") || strings.Contains(msg, "no such column") {
		res.Hits, res.Count, res.CountCapped = []model.SearchHit{}, 0, false
		res.Problems = append(res.Problems, "deze zoekvraag kan niet worden uitgevoerd; probeer andere woorden")
		return nil
	}
	return mapErr(err)
}

// kindSet says which kinds of rows a type: filter leaves.
type kindSet struct {
	document, action, decision bool
	docTypes                   []model.DocType // nil: every type
}

// hitKinds reads the type: filter. It accepts the start of a type ("brief" is brief-in and
// brief-uit), and "actie"/"besluit" (or their plurals) for actions and decisions.
func hitKinds(t string) (kindSet, string) {
	if t == "" {
		return kindSet{document: true, action: true, decision: true}, ""
	}
	switch t {
	case "actie", "acties", "actiepunt", "actiepunten":
		return kindSet{action: true}, ""
	case "besluit", "besluiten":
		return kindSet{decision: true}, ""
	}
	var ks kindSet
	for _, dt := range model.DocTypes {
		if string(dt) == t {
			return kindSet{document: true, docTypes: []model.DocType{dt}}, ""
		}
		if strings.HasPrefix(string(dt), t) {
			ks.docTypes = append(ks.docTypes, dt)
		}
	}
	if len(ks.docTypes) == 0 {
		return ks, fmt.Sprintf("type:%s bestaat niet (wel: brief-in, brief-uit, verslag, agenda, notitie, rapport, bijlage, mail, actie, besluit)", t)
	}
	ks.document = true
	return ks, ""
}

// filter is a WHERE clause on documents d with its arguments.
type filter struct {
	where   string
	args    []any
	narrows bool // more than the body and the prullenbak

	// The conditions again, for the plan that reads the documents passing one of them from an index
	// (filteredCandidates). where stays the whole truth: that plan applies it to what it finds.
	body     int64
	types    []any
	from, to string
	dossier  string
	sender   string
}

func documentFilter(q search.Query, bodyID int64, types []model.DocType) filter {
	f := filter{where: "d.deleted_at IS NULL"}
	add := func(cond string, args ...any) {
		f.where += " AND " + cond
		f.args = append(f.args, args...)
		f.narrows = true
	}
	if bodyID != 0 {
		add("d.body_id = ?", bodyID)
		f.narrows = false
		f.body = bodyID
	}
	if len(types) > 0 {
		marks := strings.Repeat("?,", len(types))
		args := make([]any, len(types))
		for i, t := range types {
			args[i] = string(t)
		}
		add("d.type IN ("+marks[:len(marks)-1]+")", args...)
		f.types = args
	}
	from, to := dateRange(q)
	if !from.IsZero() {
		add("d.date >= ?", from.String())
		f.from = from.String()
	}
	if !to.IsZero() {
		add("d.date <= ?", to.String())
		f.to = to.String()
	}
	if q.Dossier != "" {
		cond, arg := dossierCond("d.dossier_id", q.Dossier)
		add(cond, arg)
		f.dossier = q.Dossier
	}
	if q.Sender != "" {
		cond, a := foldedLike("d.sender", q.Sender)
		add(cond, a, a)
		f.sender = q.Sender
	}
	return f
}

// dateRange combines jaar:, van: and tot: into one inclusive range.
func dateRange(q search.Query) (from, to model.Date) {
	from, to = q.From, q.To
	if q.Year != 0 {
		y0, y1 := model.NewDate(q.Year, 1, 1), model.NewDate(q.Year, 12, 31)
		if from.IsZero() || from.Before(y0) {
			from = y0
		}
		if to.IsZero() || to.After(y1) {
			to = y1
		}
	}
	return from, to
}

// dossierCond matches a dossier by number or by a piece of its title, ignoring case and diacritics.
func dossierCond(col, v string) (string, any) {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		return col + " = ?", id
	}
	return col + ` IN (SELECT id FROM dossiers WHERE deleted_at IS NULL AND werkbank_fold(title) LIKE ? ESCAPE '\')`,
		likeContains(search.Fold(v))
}

// countDocuments counts the matching documents, stopping after model.CountCap unless full. Without
// MATCH it counts the filtered documents.
func (s *Store) countDocuments(ctx context.Context, match string, f filter, full bool) (int, bool, error) {
	var inner string
	var args []any
	if match != "" {
		inner = "SELECT 1" + ftsJoin + ftsMatch + f.where
		args = append([]any{match}, f.args...)
	} else {
		inner = "SELECT 1 FROM documents d WHERE " + f.where
		args = f.args
	}
	if !full {
		inner += fmt.Sprintf(" LIMIT %d", model.CountCap+1)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM ("+inner+")", args...).Scan(&n); err != nil {
		return 0, false, err
	}
	if !full && n > model.CountCap {
		return model.CountCap, true, nil
	}
	return n, false, nil
}

const hitCols = `d.id, d.title, d.type, d.date, d.dossier_id, COALESCE(ds.title, ''), d.sender, d.imposition_id IS NOT NULL, d.text`

const hitJoin = ` LEFT JOIN dossiers ds ON ds.id = d.dossier_id AND ds.deleted_at IS NULL`

// searchDocuments reads the hits of one page of document ids, each with its full text in Snippet (the
// caller cuts it down).
func (s *Store) searchDocuments(ctx context.Context, ids []int64) ([]model.SearchHit, error) {
	if len(ids) == 0 {
		return []model.SearchHit{}, nil
	}
	marks := strings.Repeat("?,", len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+hitCols+" FROM documents d"+hitJoin+" WHERE d.id IN ("+marks[:len(marks)-1]+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]model.SearchHit, len(ids))
	for rows.Next() {
		h := model.SearchHit{Kind: model.HitDocument}
		var date sql.NullString
		var dossier sql.NullInt64
		if err := rows.Scan(&h.ID, &h.Title, &h.Type, &date, &dossier, &h.DossierTitle, &h.Sender, &h.Confidential, &h.Snippet); err != nil {
			return nil, err
		}
		h.Date, h.DossierID = scanDate(date), dossier.Int64
		byID[h.ID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]model.SearchHit, 0, len(ids))
	for _, id := range ids {
		if h, ok := byID[id]; ok {
			out = append(out, h)
		}
	}
	return out, nil
}

// MatchSpans finds terms (SearchResult.Terms) in text as the search matched them: inflections,
// case and diacritics, phrases and prefixes. The document view marks them.
func (s *Store) MatchSpans(text string, terms []string) []model.TextSpan {
	found := search.Highlight(text, terms)
	out := make([]model.TextSpan, len(found))
	for i, sp := range found {
		out[i] = model.TextSpan{Start: sp.Start, End: sp.End}
	}
	return out
}
