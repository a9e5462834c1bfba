package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// maxOthers bounds the actions and decisions of one search: a council has hundreds, not thousands,
// and a word that finds more than this many is one the user will narrow anyway.
const maxOthers = 200

// searchOthers finds the decisions and actions whose text matches, decisions first, each by rank.
// action_fts and decision_fts (migration 0006) have the columns of document_fts, so the same MATCH
// applies. Dates filter on a decision's date and an action's due date (its creation date when it has
// none); afzender: matches an action's owner and leaves decisions out.
func (s *Store) searchOthers(ctx context.Context, q search.Query, opt SearchOptions, k kindSet) ([]model.SearchHit, error) {
	var out []model.SearchHit
	if k.decision && q.Sender == "" {
		hits, err := s.otherHits(ctx, `SELECT x.id, x.text, x.date, x.dossier_id, COALESCE(ds.title, ''), '', x.imposition_id IS NOT NULL, x.year, x.seq
			FROM decision_fts f CROSS JOIN decisions x ON x.id = f.rowid`+otherDossierJoin+` WHERE f.decision_fts MATCH ? AND x.deleted_at IS NULL`,
			"x.date", q, opt, model.HitDecision)
		if err != nil {
			return nil, err
		}
		out = append(out, hits...)
	}
	if k.action {
		hits, err := s.otherHits(ctx, `SELECT x.id, x.description, COALESCE(x.due, x.created_on), x.dossier_id, COALESCE(ds.title, ''), x.owner,
			x.imposition_id IS NOT NULL, 0, 0
			FROM action_fts f CROSS JOIN actions x ON x.id = f.rowid`+otherDossierJoin+` WHERE f.action_fts MATCH ? AND x.deleted_at IS NULL`,
			"COALESCE(x.due, x.created_on)", q, opt, model.HitAction)
		if err != nil {
			return nil, err
		}
		out = append(out, hits...)
	}
	return out, nil
}

const otherDossierJoin = ` LEFT JOIN dossiers ds ON ds.id = x.dossier_id AND ds.deleted_at IS NULL`

func (s *Store) otherHits(ctx context.Context, query, dateCol string, q search.Query, opt SearchOptions, kind model.HitKind) ([]model.SearchHit, error) {
	args := []any{q.Match}
	add := func(cond string, a any) {
		query += " AND " + cond
		args = append(args, a)
	}
	if opt.BodyID != 0 {
		add("x.body_id = ?", opt.BodyID)
	}
	from, to := dateRange(q)
	if !from.IsZero() {
		add(dateCol+" >= ?", from.String())
	}
	if !to.IsZero() {
		add(dateCol+" <= ?", to.String())
	}
	if q.Dossier != "" {
		cond, a := dossierCond("x.dossier_id", q.Dossier)
		add(cond, a)
	}
	if q.Sender != "" {
		add(`werkbank_fold(x.owner) LIKE ? ESCAPE '\'`, likeContains(search.Fold(q.Sender)))
	}
	if opt.SortByDate {
		query += " ORDER BY " + dateCol + " DESC, x.id DESC"
	} else {
		query += " ORDER BY f.rank"
	}
	query += " LIMIT ?"
	args = append(args, maxOthers)
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.SearchHit
	for rows.Next() {
		h := model.SearchHit{Kind: kind, Type: string(kind)}
		var date sql.NullString
		var dossier sql.NullInt64
		var year, seq int
		if err := rows.Scan(&h.ID, &h.Title, &date, &dossier, &h.DossierTitle, &h.Sender, &h.Confidential, &year, &seq); err != nil {
			return nil, err
		}
		h.Date, h.DossierID = scanDate(date), dossier.Int64
		h.Snippet = search.Snippet(h.Title, q.Terms, snippetWidth)
		if kind == model.HitDecision {
			h.Number = model.DecisionNumber(year, seq)
		} else {
			h.Number = model.Action{ID: h.ID}.Number()
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
