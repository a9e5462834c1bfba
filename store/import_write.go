package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// docWriter holds the prepared statements of one batch transaction.
type docWriter struct {
	*blobStmts
	doc   *sql.Stmt
	fts   *sql.Stmt
	dup   *sql.Stmt
	stamp string
}

func newDocWriter(ctx context.Context, tx *sql.Tx, stamp string) (*docWriter, error) {
	bs, err := prepareBlobStmts(ctx, tx)
	if err != nil {
		return nil, err
	}
	w := &docWriter{blobStmts: bs, stamp: stamp}
	if w.doc, err = tx.PrepareContext(ctx, `INSERT INTO documents (body_id, title, date, type, sender, dossier_id, parent_id,
		sha256, file_name, size, text, no_text, imposition_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		w.close()
		return nil, err
	}
	if w.fts, err = tx.PrepareContext(ctx, ftsInsert); err != nil {
		w.close()
		return nil, err
	}
	if w.dup, err = tx.PrepareContext(ctx, `SELECT id, title, deleted_at IS NOT NULL FROM documents WHERE sha256 = ?
		ORDER BY deleted_at IS NOT NULL, id LIMIT 1`); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *docWriter) close() {
	w.blobStmts.close()
	for _, st := range []*sql.Stmt{w.doc, w.fts, w.dup} {
		if st != nil {
			st.Close()
		}
	}
}

// flush writes the pending files in one transaction, each in its own savepoint, and then reports every
// pending file's outcome in order.
func (b *Batch) flush() error {
	pend := b.pending
	b.pending, b.pendingBytes = nil, 0
	clear(b.pendingSHA)
	defer func() {
		for _, p := range pend {
			p.release()
		}
	}()
	write := false
	for _, p := range pend {
		write = write || p.res.Status == ""
	}
	var err error
	if write {
		// A cancelled import still writes what it read: the cancellation stops reading, not saving.
		ctx := context.WithoutCancel(b.ctx)
		err = b.s.tx(ctx, func(tx *sql.Tx) error {
			for _, p := range pend {
				if p.res.Status == "" {
					p.res.Status = "writing"
				}
			}
			if err := b.ensureImposition(ctx, tx, pend); err != nil {
				return err
			}
			w, err := newDocWriter(ctx, tx, b.s.stamp())
			if err != nil {
				return err
			}
			defer w.close()
			for _, p := range pend {
				if p.res.Status == "writing" {
					if err := b.writeFile(ctx, tx, w, p); err != nil {
						return err
					}
				}
			}
			// The full-text rows go in after the savepoints: FTS5 writes its pending terms to disk at
			// every savepoint, which made indexing inside them several times slower. They are in the
			// same transaction, so a document is never committed without its index row.
			for _, p := range pend {
				if p.res.Status == model.ImportOK {
					if err := w.index(ctx, p); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	if err == nil && write {
		b.impositionSaved = b.impositionID != 0
	} else if err != nil && !b.impositionSaved {
		b.impositionID = 0 // rolled back with the batch
	}
	for _, p := range pend {
		if err != nil && (p.res.Status == model.ImportOK || p.res.Status == "writing") {
			p.res.Status, p.res.DocumentID = model.ImportFailed, 0
			p.res.Reason = "niet opgeslagen: " + errorText(err)
		}
		b.onResult(p.res)
	}
	return err
}

// writeFile stores one file (and a mail's attachments) inside a savepoint. A problem with this file
// rolls back to the savepoint and is reported; only a failure of the transaction itself is returned.
func (b *Batch) writeFile(ctx context.Context, tx *sql.Tx, w *docWriter, p *pendingFile) error {
	var id int64
	var title string
	var inBin bool
	if err := w.dup.QueryRowContext(ctx, p.sp.sha).Scan(&id, &title, &inBin); err == nil {
		// Another process imported the same file after this one was read.
		p.res.Status, p.res.DocumentID, p.res.Title = model.ImportDuplicate, id, title
		p.res.Reason = duplicateReason(model.Document{ID: id, Title: title}, inBin)
		return nil
	} else if err != sql.ErrNoRows {
		return err
	}
	if _, err := tx.ExecContext(ctx, "SAVEPOINT import_file"); err != nil {
		return err
	}
	if err := b.writeDoc(ctx, tx, w, p, 0); err != nil {
		// A full disk stops the whole batch (the next files would not fit either). SQLite may already
		// have rolled back the whole transaction for SQLITE_FULL or an I/O error, taking the savepoint
		// with it: then the original error is the one to report, not "no such savepoint".
		if errors.Is(mapErr(err), model.ErrDiskFull) {
			return err
		}
		if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO import_file"); rerr != nil {
			return err
		}
		if _, rerr := tx.ExecContext(ctx, "RELEASE import_file"); rerr != nil {
			return rerr
		}
		p.res.Status, p.res.Reason = model.ImportFailed, "niet opgeslagen: "+errorText(mapErr(err))
		return nil
	}
	if _, err := tx.ExecContext(ctx, "RELEASE import_file"); err != nil {
		return err
	}
	p.res.Status, p.res.DocumentID = model.ImportOK, p.doc.ID
	return nil
}

// writeDoc inserts the original, the document row and its full-text row, then its attachments.
func (b *Batch) writeDoc(ctx context.Context, tx *sql.Tx, w *docWriter, p *pendingFile, parent int64) error {
	d := &p.doc
	if d.Confidential && d.ImpositionID == 0 {
		d.ImpositionID = b.impositionID
	}
	if err := w.putBlob(ctx, p.sp, w.stamp); err != nil {
		return err
	}
	res, err := w.doc.ExecContext(ctx, d.BodyID, d.Title, nullDate(d.Date), d.Type, d.Sender, nullID(d.DossierID), nullID(parent),
		d.SHA256, d.FileName, d.Size, d.Text, b2i(d.NoText), nullID(d.ImpositionID), w.stamp)
	if err != nil {
		return err
	}
	if d.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for _, c := range p.children {
		c.doc.Confidential = c.doc.Confidential || d.Confidential
		if c.doc.ImpositionID == 0 {
			c.doc.ImpositionID = d.ImpositionID
		}
		if err := b.writeDoc(ctx, tx, w, c, d.ID); err != nil {
			return err
		}
	}
	return nil
}

// index adds the full-text rows of a written document and its attachments.
func (w *docWriter) index(ctx context.Context, p *pendingFile) error {
	d := &p.doc
	if _, err := w.fts.ExecContext(ctx, d.ID, d.Title, d.Text, search.StemText(d.Title), search.StemText(d.Text)); err != nil {
		return err
	}
	for _, c := range p.children {
		if err := w.index(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// ensureImposition creates the imposition of a confidential batch before its first document is
// written: one imposition without an end date for every file of the import, as the quick mark makes.
// It is made outside the files' savepoints, so a file that fails cannot take it along.
func (b *Batch) ensureImposition(ctx context.Context, tx *sql.Tx, pend []*pendingFile) error {
	if b.impositionID != 0 {
		return nil
	}
	for _, p := range pend {
		if p.res.Status == "writing" && p.doc.Confidential && p.doc.ImpositionID == 0 {
			i, err := quickImposition(ctx, tx, p.doc.BodyID, fmt.Sprintf("geïmporteerd op %s", b.s.Today().Long()), b.s.Today())
			if err != nil {
				return err
			}
			b.impositionID = i.ID
			return nil
		}
	}
	return nil
}

// ImpositionID is the imposition a confidential batch created, or zero.
func (b *Batch) ImpositionID() int64 { return b.impositionID }

// release frees the temporary files of a pending file and its attachments.
func (p *pendingFile) release() {
	p.sp.close()
	p.doc.Text = ""
	for _, c := range p.children {
		c.release()
	}
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
