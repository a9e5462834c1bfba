package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// maxAttachmentBytes bounds what one attachment may put in memory for a convocation mail; a mail
// program would refuse a larger message anyway.
const maxAttachmentBytes = 64 << 20

const attachedCols = "d.id, d.title, d.file_name, d.size, coalesce(d.sha256, ''), d.imposition_id"

func scanAttached(rows *sql.Rows) ([]model.AttachedDocument, error) {
	defer rows.Close()
	out := []model.AttachedDocument{}
	for rows.Next() {
		var a model.AttachedDocument
		var imp sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Title, &a.FileName, &a.Size, &a.SHA256, &imp); err != nil {
			return nil, err
		}
		a.ImpositionID = imp.Int64
		out = append(out, a)
	}
	return out, mapErr(rows.Err())
}

// ItemDocuments lists the documents attached to an agenda item (documents in the prullenbak left out).
func (s *Store) ItemDocuments(ctx context.Context, itemID int64) ([]model.AttachedDocument, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+attachedCols+` FROM agenda_item_documents a JOIN documents d ON d.id = a.document_id
		WHERE a.item_id = ? AND d.deleted_at IS NULL ORDER BY d.date, d.id`, itemID)
	if err != nil {
		return nil, mapErr(err)
	}
	return scanAttached(rows)
}

// MeetingDocuments lists the attached documents of every item of a meeting, by item id.
func (s *Store) MeetingDocuments(ctx context.Context, meetingID int64) (map[int64][]model.AttachedDocument, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.item_id, `+attachedCols+` FROM agenda_item_documents a
		JOIN documents d ON d.id = a.document_id JOIN agenda_items i ON i.id = a.item_id
		WHERE i.meeting_id = ? AND i.deleted_at IS NULL AND d.deleted_at IS NULL ORDER BY i.position, d.date, d.id`, meetingID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[int64][]model.AttachedDocument{}
	for rows.Next() {
		var item int64
		var a model.AttachedDocument
		var imp sql.NullInt64
		if err := rows.Scan(&item, &a.ID, &a.Title, &a.FileName, &a.Size, &a.SHA256, &imp); err != nil {
			return nil, err
		}
		a.ImpositionID = imp.Int64
		out[item] = append(out[item], a)
	}
	return out, mapErr(rows.Err())
}

// AttachableDocuments finds archived documents of a body to attach, newest first, whose title or file
// name contains query (case-insensitive; empty: all).
func (s *Store) AttachableDocuments(ctx context.Context, bodyID int64, query string, limit int) ([]model.AttachedDocument, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(strings.TrimSpace(query))) + "%"
	rows, err := s.r.QueryContext(ctx, `SELECT `+attachedCols+` FROM documents d WHERE d.body_id = ? AND d.deleted_at IS NULL
		AND (lower(d.title) LIKE ? ESCAPE '\' OR lower(d.file_name) LIKE ? ESCAPE '\') ORDER BY d.date DESC, d.id DESC LIMIT ?`,
		bodyID, like, like, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	return scanAttached(rows)
}

// AttachDocument attaches an archived document to an agenda item of the same body; attaching twice is
// harmless.
func (s *Store) AttachDocument(ctx context.Context, itemID, documentID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var same int
		err := tx.QueryRowContext(ctx, `SELECT m.body_id = d.body_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id,
			documents d WHERE i.id = ? AND d.id = ? AND i.deleted_at IS NULL AND d.deleted_at IS NULL`, itemID, documentID).Scan(&same)
		if err != nil {
			return err
		}
		if same != 1 {
			return model.Invalid("document", "dit stuk hoort bij een ander orgaan")
		}
		_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO agenda_item_documents (item_id, document_id) VALUES (?, ?)", itemID, documentID)
		return err
	})
}

// DetachDocument removes a document from an item; the document stays in the archive.
func (s *Store) DetachDocument(ctx context.Context, itemID, documentID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM agenda_item_documents WHERE item_id = ? AND document_id = ?", itemID, documentID)
		return err
	})
}

// AttachmentData reads the original bytes of an archived document from its blob chunks, checking that
// the chunks add up to the recorded size.
func (s *Store) AttachmentData(ctx context.Context, documentID int64) ([]byte, error) {
	var sha sql.NullString
	var size int64
	err := s.r.QueryRowContext(ctx, `SELECT d.sha256, coalesce(b.size, 0) FROM documents d LEFT JOIN blobs b ON b.sha256 = d.sha256
		WHERE d.id = ? AND d.deleted_at IS NULL`, documentID).Scan(&sha, &size)
	if err != nil {
		return nil, mapErr(err)
	}
	if !sha.Valid || sha.String == "" {
		return nil, fmt.Errorf("stuk %d heeft geen origineel bestand in het archief", documentID)
	}
	if size > maxAttachmentBytes {
		return nil, fmt.Errorf("stuk %d is te groot om mee te sturen (%d MB)", documentID, size>>20)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY seq", sha.String)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var buf bytes.Buffer
	for rows.Next() {
		var chunk []byte
		if err := rows.Scan(&chunk); err != nil {
			return nil, err
		}
		buf.Write(chunk)
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	if int64(buf.Len()) != size {
		return nil, fmt.Errorf("origineel van stuk %d is onvolledig (%d van %d bytes)", documentID, buf.Len(), size)
	}
	return buf.Bytes(), nil
}
