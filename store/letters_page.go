package store

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
)

// LetterPage is a window of Letters: limit letters from offset on, newest first, with how many letters
// the body has. The order is the letters_body_created index's, so a window reads its own rows (and their
// versions) only.
func (s *Store) LetterPage(ctx context.Context, bodyID int64, offset, limit int) (model.Page[letter.Letter], error) {
	p := model.Page[letter.Letter]{Rows: []letter.Letter{}}
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM letters WHERE body_id = ? AND deleted_at IS NULL", bodyID).Scan(&p.Total)
	if err != nil {
		return p, mapErr(err)
	}
	p.Offset = min(max(offset, 0), p.Total)
	// The window is cut first, so only its letters look up their versions.
	const order = " ORDER BY l.created_at DESC, l.id DESC"
	rows, err := s.r.QueryContext(ctx, "SELECT "+letterCols+` FROM (SELECT * FROM letters l WHERE l.body_id = ? AND l.deleted_at IS NULL`+
		order+` LIMIT ? OFFSET ?) l LEFT JOIN dossiers d ON d.id = l.dossier_id AND d.deleted_at IS NULL`+order, bodyID, max(limit, 0), p.Offset)
	if err != nil {
		return p, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return p, err
		}
		p.Rows = append(p.Rows, l)
	}
	if err := rows.Err(); err != nil {
		return p, mapErr(err)
	}
	return p, s.nameLetters(ctx, p.Rows)
}
