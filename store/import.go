package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/extract"
)

// The import is the one way into the archive: files from disk (werkbank import, the Archief view), and
// everything werkbank itself makes (agendas, verslagen, letters) through ArchiveText and ArchiveBytes.
//
// A Batch reads and extracts each file outside any transaction, then writes the pending files together:
// in one write transaction per batch (at most batchFiles files, batchWait of waiting, or batchBytes of
// originals), each file inside its own SAVEPOINT. A kill loses at most the pending batch and never
// leaves half a file; other processes wait for the database only while a batch is written.
const (
	batchFiles = 200
	batchWait  = 2 * time.Second
	batchBytes = 16 << 20
	// maxMailDepth bounds mails forwarded as attachments of mails.
	maxMailDepth = 3
)

// Batch imports files one after another. Create it with NewBatch, Add files, and Close it: only Close
// guarantees that everything added is written.
type Batch struct {
	s        *Store
	ctx      context.Context
	meta     model.DocumentMeta
	limit    int64
	onResult func(model.ImportResult)
	buf      *spoolBuf

	pending      []*pendingFile
	pendingBytes int64
	pendingSince time.Time
	pendingSHA   map[string]string // hash -> path of a pending file, to catch the same file twice in a batch
	closed       bool

	impositionID    int64 // of a confidential batch, made with its first document
	impositionSaved bool  // committed, so a later failed batch must not forget it
}

// pendingFile is a file read and extracted, waiting to be written.
type pendingFile struct {
	res      model.ImportResult
	sp       *spooled
	doc      model.Document
	children []*pendingFile // a mail's attachments
}

// NewBatch starts an import into meta.BodyID (zero: the active body). onResult, when not nil, is
// called once per file added, in order, when its outcome is final (after its batch is written).
func (s *Store) NewBatch(ctx context.Context, meta model.DocumentMeta, onResult func(model.ImportResult)) (*Batch, error) {
	if s.readOnly {
		return nil, model.ErrReadOnly
	}
	if meta.BodyID == 0 {
		id, err := s.activeBodyID(ctx, s.r)
		if err != nil {
			b, berr := s.ActiveBody(ctx)
			if berr != nil {
				return nil, fmt.Errorf("nog geen orgaan: maak eerst een orgaan aan")
			}
			id = b.ID
		}
		meta.BodyID = id
	}
	if meta.Type != "" {
		if _, err := model.ParseDocType(string(meta.Type)); err != nil {
			return nil, err
		}
	}
	if err := s.checkBatchRefs(ctx, meta); err != nil {
		return nil, err
	}
	limit, err := s.ImportLimit(ctx)
	if err != nil {
		return nil, err
	}
	// Savepoints journal to temporary storage: in memory that costs no system calls per file. A larger
	// page cache keeps a batch of 200 files from spilling before its commit. Both are settings of the
	// one write connection, harmless for every other write.
	if _, err := s.w.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return nil, mapErr(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA cache_size = -16384"); err != nil {
		return nil, mapErr(err)
	}
	if onResult == nil {
		onResult = func(model.ImportResult) {}
	}
	return &Batch{s: s, ctx: ctx, meta: meta, limit: limit, onResult: onResult, buf: newSpoolBuf(),
		pendingSHA: map[string]string{}}, nil
}

// checkBatchRefs refuses a body, dossier or imposition that does not exist before any file is read.
func (s *Store) checkBatchRefs(ctx context.Context, meta model.DocumentMeta) error {
	var one int
	if err := s.r.QueryRowContext(ctx, "SELECT 1 FROM bodies WHERE id = ? AND deleted_at IS NULL", meta.BodyID).Scan(&one); err != nil {
		return model.Invalid("body", fmt.Sprintf("orgaan %d bestaat niet", meta.BodyID))
	}
	if meta.DossierID != 0 {
		var body int64
		err := s.r.QueryRowContext(ctx, "SELECT body_id FROM dossiers WHERE id = ? AND deleted_at IS NULL", meta.DossierID).Scan(&body)
		if err != nil || body != meta.BodyID {
			return model.Invalid("dossier", fmt.Sprintf("dossier %d bestaat niet bij dit orgaan", meta.DossierID))
		}
	}
	if meta.ImpositionID != 0 {
		if err := s.r.QueryRowContext(ctx, "SELECT 1 FROM impositions WHERE id = ? AND body_id = ?", meta.ImpositionID, meta.BodyID).Scan(&one); err != nil {
			return model.Invalid("imposition", fmt.Sprintf("geheimhouding %d bestaat niet bij dit orgaan", meta.ImpositionID))
		}
	}
	return nil
}

// Limit is the largest file size this batch accepts, in bytes.
func (b *Batch) Limit() int64 { return b.limit }

// Add reads one file from r and queues it. name is the path shown to the user (only its extension
// decides the format); meta's non-zero fields override the batch's. A file that cannot be imported is
// reported through onResult with its reason; Add itself only fails when writing the previous batch
// failed as a whole (disk full, database busy for too long).
func (b *Batch) Add(name string, r io.Reader, meta model.DocumentMeta) error {
	if b.closed {
		return errors.New("store: Add after Close")
	}
	p := b.prepare(name, r, merge(b.meta, meta))
	if len(b.pending) == 0 {
		b.pendingSince = time.Now()
	}
	// Done files (failed, duplicate) wait in the queue too, so outcomes are reported in order.
	b.pending = append(b.pending, p)
	if p.sp != nil {
		b.pendingSHA[p.sp.sha] = name
		b.pendingBytes += p.sp.size
	}
	return b.flushIfDue()
}

func (b *Batch) flushIfDue() error {
	if len(b.pending) >= batchFiles || b.pendingBytes >= batchBytes ||
		len(b.pending) > 0 && time.Since(b.pendingSince) >= batchWait {
		return b.flush()
	}
	return nil
}

// Close writes what is pending. It uses a context without the batch's cancellation, so that a
// cancelled import keeps everything read so far.
func (b *Batch) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	return b.flush()
}

func merge(base, over model.DocumentMeta) model.DocumentMeta {
	m := base
	if over.Title != "" {
		m.Title = over.Title
	}
	if !over.Date.IsZero() {
		m.Date = over.Date
	}
	if !over.FileDate.IsZero() {
		m.FileDate = over.FileDate
	}
	if over.Type != "" {
		m.Type = over.Type
	}
	if over.Sender != "" {
		m.Sender = over.Sender
	}
	if over.DossierID != 0 {
		m.DossierID = over.DossierID
	}
	if over.ImpositionID != 0 {
		m.ImpositionID = over.ImpositionID
	}
	m.Confidential = m.Confidential || over.Confidential
	return m
}

// prepare reads, hashes and extracts one file. A file that is done already (failed, or a duplicate
// found before extraction) comes back with its final status set.
func (b *Batch) prepare(name string, r io.Reader, meta model.DocumentMeta) *pendingFile {
	p := &pendingFile{res: model.ImportResult{Path: name}}
	fail := func(reason string) *pendingFile {
		p.sp.close()
		p.sp = nil
		p.res.Status, p.res.Reason = model.ImportFailed, reason
		return p
	}
	if err := b.ctx.Err(); err != nil {
		return fail("afgebroken")
	}
	sp, err := b.buf.spool(r, b.limit)
	switch {
	case errors.Is(err, errTooLarge):
		return fail(fmt.Sprintf("te groot: meer dan %d MB (grens instelbaar als %s)", b.limit>>20, ImportLimitKey))
	case err != nil:
		return fail(err.Error())
	}
	p.sp = sp
	if sp.size == 0 {
		return fail(extract.ErrEmpty.Error())
	}
	if prev, ok := b.pendingSHA[sp.sha]; ok {
		p.sp.close()
		p.sp = nil
		p.res.Status, p.res.Reason = model.ImportDuplicate, "zelfde bestand als "+prev
		return p
	}
	if d, inBin, ok := b.s.findBySHA(b.ctx, sp.sha); ok {
		p.sp.close()
		p.sp = nil
		p.res.Status, p.res.DocumentID, p.res.Title = model.ImportDuplicate, d.ID, d.Title
		p.res.Reason = duplicateReason(d, inBin)
		return p
	}
	data, err := sp.bytes()
	if err != nil {
		return fail(err.Error())
	}
	res, err := extract.Extract(b.ctx, name, data)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fail("afgebroken")
		}
		return fail(err.Error())
	}
	if !res.NoText && strings.TrimSpace(res.Text) == "" && (res.Kind == "txt" || res.Kind == "md") {
		return fail(extract.ErrEmpty.Error() + " (alleen witruimte)")
	}
	p.doc = b.docFrom(name, sp, res, meta)
	p.res.Title, p.res.NoText = p.doc.Title, p.doc.NoText
	if res.Truncated {
		p.res.Warnings = append(p.res.Warnings, "tekst ingekort: alleen het begin is doorzoekbaar")
	}
	if res.NoText {
		p.res.Reason = extract.NoTextLabel
	}
	b.attachments(p, res, meta, 1)
	if sp.file != nil {
		data = nil // let a large file's bytes go before the next one is read
	}
	return p
}

// attachments turns each attachment of a mail into a pending child document. An attachment werkbank
// cannot read is kept all the same, without text, with a warning: a mail is archived complete.
func (b *Batch) attachments(p *pendingFile, res extract.Result, meta model.DocumentMeta, depth int) {
	for _, a := range res.Attachments {
		sp := memSpool(a.Data)
		child := &pendingFile{sp: sp}
		m := meta
		m.Title, m.Type = "", model.DocBijlage
		ar, err := extract.Extract(b.ctx, a.Name, a.Data)
		if err != nil || depth >= maxMailDepth && len(ar.Attachments) > 0 {
			reason := "te diep genest"
			if err != nil {
				reason = err.Error()
			}
			ar = extract.Result{NoText: true}
			p.res.Warnings = append(p.res.Warnings, fmt.Sprintf("bijlage %s bewaard zonder tekst: %s", a.Name, reason))
		}
		child.doc = b.docFrom(a.Name, sp, ar, m)
		child.doc.Date = p.doc.Date // an attachment is dated by its mail
		if ar.Kind == "eml" {
			child.doc.Type = model.DocMail
			b.attachments(child, ar, meta, depth+1)
			p.res.Warnings = append(p.res.Warnings, child.res.Warnings...)
		}
		p.children = append(p.children, child)
		p.res.Attachments += 1 + len(child.children)
	}
	if res.SkippedAttachments > 0 {
		p.res.Warnings = append(p.res.Warnings, fmt.Sprintf("%d bijlagen niet opgenomen (te veel in één mail)", res.SkippedAttachments))
	}
}

// docFrom builds the document row from the extraction and the caller's metadata.
func (b *Batch) docFrom(name string, sp *spooled, res extract.Result, meta model.DocumentMeta) model.Document {
	d := model.Document{BodyID: meta.BodyID, Title: meta.Title, Date: meta.Date, Type: meta.Type, Sender: meta.Sender,
		DossierID: meta.DossierID, SHA256: sp.sha, FileName: filepath.Base(name), Size: sp.size, Text: res.Text,
		NoText: res.NoText || res.Text == "", ImpositionID: meta.ImpositionID,
		Confidential: meta.Confidential || meta.ImpositionID != 0}
	if d.Title == "" {
		d.Title = strings.TrimSpace(res.Title)
	}
	if d.Title == "" {
		d.Title = strings.TrimSuffix(d.FileName, filepath.Ext(d.FileName))
	}
	if r := []rune(d.Title); len(r) > 300 {
		d.Title = string(r[:299]) + "…"
	}
	if d.Date.IsZero() && !res.Date.IsZero() {
		d.Date = model.DateOf(res.Date.In(time.Local))
	}
	if d.Date.IsZero() {
		d.Date = meta.FileDate
	}
	if d.Date.IsZero() {
		d.Date = b.s.Today()
	}
	if d.Sender == "" {
		d.Sender = res.Sender
	}
	if d.Sender == "" {
		d.Sender = res.Author
	}
	if d.Type == "" {
		d.Type = model.GuessDocType(name, d.Title)
	}
	return d
}

// findBySHA returns a document that holds these bytes, preferring one not in the prullenbak.
func (s *Store) findBySHA(ctx context.Context, sha string) (model.Document, bool, bool) {
	var d model.Document
	var deleted *string
	err := s.r.QueryRowContext(ctx, `SELECT id, title, deleted_at FROM documents WHERE sha256 = ?
		ORDER BY deleted_at IS NOT NULL, id LIMIT 1`, sha).Scan(&d.ID, &d.Title, &deleted)
	if err != nil {
		return d, false, false
	}
	return d, deleted != nil, true
}

func duplicateReason(d model.Document, inBin bool) string {
	if inBin {
		return fmt.Sprintf("staat al in het archief, in de prullenbak: %q (zet het daar terug)", d.Title)
	}
	return fmt.Sprintf("staat al in het archief als document %d: %q", d.ID, d.Title)
}

// ImportFile imports one file: the one way in for a single file. For a file already in the archive it
// returns the document that holds it, with an error matching model.ErrDuplicate.
func (s *Store) ImportFile(ctx context.Context, name string, r io.Reader, meta model.DocumentMeta) (model.Document, error) {
	var res model.ImportResult
	b, err := s.NewBatch(ctx, meta, func(r model.ImportResult) { res = r })
	if err != nil {
		return model.Document{}, err
	}
	if err := b.Add(name, r, model.DocumentMeta{}); err != nil {
		return model.Document{}, err
	}
	if err := b.Close(); err != nil {
		return model.Document{}, err
	}
	switch res.Status {
	case model.ImportOK:
		return s.Document(ctx, res.DocumentID)
	case model.ImportDuplicate:
		d, err := s.Document(ctx, res.DocumentID)
		if err != nil {
			d = model.Document{ID: res.DocumentID, Title: res.Title}
		}
		return d, fmt.Errorf("%s: %w", name, model.ErrDuplicate)
	}
	return model.Document{}, fmt.Errorf("%s: %s", filepath.Base(name), res.Reason)
}

// ArchiveBytes archives a file werkbank made itself (an agenda as PDF, a sent letter as DOCX). name
// gives the format by its extension; meta.Title and meta.Type should be set.
func (s *Store) ArchiveBytes(ctx context.Context, name string, data []byte, meta model.DocumentMeta) (model.Document, error) {
	return s.ImportFile(ctx, name, bytes.NewReader(data), meta)
}

// ArchiveText archives text werkbank wrote (an approved verslag as Markdown). name should end in .md
// or .txt.
func (s *Store) ArchiveText(ctx context.Context, name, text string, meta model.DocumentMeta) (model.Document, error) {
	return s.ImportFile(ctx, name, strings.NewReader(text), meta)
}
