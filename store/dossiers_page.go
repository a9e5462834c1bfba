package store

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

// DossierPage is a window of Dossiers(f): limit dossiers from offset on, the most recently started first,
// each with its timeline, and how many dossiers match f. The Dossiers view pages the closed dossiers with
// it; the open ones, which it orders by their next term, it reads whole (they are the council's work in
// hand, not its history).
func (s *Store) DossierPage(ctx context.Context, f dossier.Filter, offset, limit int) (model.Page[dossier.Dossier], error) {
	p := model.Page[dossier.Dossier]{Rows: []dossier.Dossier{}}
	where, args := dossierWhere(f)
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM dossiers d"+where, args...).Scan(&p.Total); err != nil {
		return p, mapErr(err)
	}
	p.Offset = min(max(offset, 0), p.Total)
	window := where + " ORDER BY d.started_on DESC, d.id DESC LIMIT ? OFFSET ?"
	args = append(args, max(limit, 0), p.Offset)
	rows, err := s.dossierList(ctx, "SELECT "+dossierCols+dossierFrom+window, args,
		"SELECT "+eventCols+` FROM dossier_events e WHERE e.deleted_at IS NULL
			AND e.dossier_id IN (SELECT d.id FROM dossiers d`+window+`) ORDER BY e.date, e.id`, args)
	p.Rows = rows
	return p, err
}
