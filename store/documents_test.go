package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
	"github.com/werkbank-nl/werkbank/store/search"
)

var ctx = context.Background() // archive tests only

// checkIndex runs FTS5's integrity check and compares the index with the documents not in the bin.
func checkIndex(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.w.Exec("INSERT INTO document_fts(document_fts) VALUES('integrity-check')"); err != nil {
		t.Fatalf("FTS integrity check: %v", err)
	}
	var live, indexed int
	s.r.QueryRow("SELECT count(*) FROM documents WHERE deleted_at IS NULL").Scan(&live)
	// A contentless table with contentless_delete counts its rows through the docsize shadow table.
	s.r.QueryRow("SELECT count(*) FROM document_fts_docsize").Scan(&indexed)
	if live != indexed {
		t.Fatalf("%d documents, %d index rows", live, indexed)
	}
}

// hits returns the ids the index finds for a search, as the search feature will ask.
func hits(t *testing.T, s *Store, q string) []int64 {
	t.Helper()
	match := search.Parse(q).Match
	rows, err := s.r.Query("SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rank", match)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

func TestMigrationHoldsSearchDDL(t *testing.T) {
	b, err := migrationFS.ReadFile("migrations/0003_archive.sql")
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if !strings.Contains(squash(string(b)), squash(search.DDL)) {
		t.Fatal("0003_archive.sql does not contain search.DDL verbatim")
	}
}

func TestImportEditDeleteRestoreKeepIndex(t *testing.T) {
	s, _ := newStore(t)
	body := newBody(t, s)
	checkIndex(t, s)

	d, err := s.ArchiveText(ctx, "notulen.md", "# Verslag OR-vergadering\n\nDe reorganisatie van de facilitaire diensten is in de vergadering besproken. Ideeën genoeg.", model.DocumentMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Verslag OR-vergadering" || d.Type != model.DocVerslag || d.BodyID != body.ID || d.Date != s.Today() {
		t.Fatalf("metadata: %+v", d)
	}
	checkIndex(t, s)
	if h := hits(t, s, "ideeen"); len(h) != 1 || h[0] != d.ID {
		t.Fatalf("search ideeen: %v", h)
	}
	if h := hits(t, s, "vergaderingen"); len(h) != 1 {
		t.Fatalf("stemmed search: %v", h)
	}

	// The same bytes again: said so, nothing added.
	again, err := s.ArchiveText(ctx, "kopie.md", "# Verslag OR-vergadering\n\nDe reorganisatie van de facilitaire diensten is in de vergadering besproken. Ideeën genoeg.", model.DocumentMeta{})
	if !errors.Is(err, model.ErrDuplicate) || again.ID != d.ID {
		t.Fatalf("duplicate: %v %+v", err, again)
	}
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: body.ID}); n != 1 {
		t.Fatalf("%d documents after duplicate", n)
	}
	var blobs int
	s.r.QueryRow("SELECT count(*) FROM blobs").Scan(&blobs)
	if blobs != 1 {
		t.Fatalf("%d blobs", blobs)
	}
	checkIndex(t, s)

	// Metadata edit: the title is searchable under the new words only.
	d.Title, d.Type, d.Sender, d.Date = "Notulen kantinecommissie", model.DocNotitie, "Anouk", model.NewDate(2025, 3, 14)
	d2, err := s.UpdateDocument(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Version != 2 || d2.Title != "Notulen kantinecommissie" || d2.Date != model.NewDate(2025, 3, 14) {
		t.Fatalf("after edit: %+v", d2)
	}
	checkIndex(t, s)
	if len(hits(t, s, "kantinecommissie")) != 1 {
		t.Fatal("index not in step with the edited title")
	}
	// A stale version conflicts.
	if _, err := s.UpdateDocument(ctx, d); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	d2.Title = ""
	var fe *model.FieldError
	if _, err := s.UpdateDocument(ctx, d2); !errors.As(err, &fe) || fe.Field != "title" {
		t.Fatalf("empty title: %v", err)
	}

	// Delete to the bin: gone from list and index; restore: back in both.
	if err := s.DeleteDocument(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, s)
	if len(hits(t, s, "kantinecommissie")) != 0 {
		t.Fatal("deleted document still found")
	}
	if _, err := s.Document(ctx, d.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("deleted document: %v", err)
	}
	// Importing it again while it is in the bin says where it is.
	_, err = s.ArchiveText(ctx, "kopie.md", "# Verslag OR-vergadering\n\nDe reorganisatie van de facilitaire diensten is in de vergadering besproken. Ideeën genoeg.", model.DocumentMeta{})
	if !errors.Is(err, model.ErrDuplicate) {
		t.Fatalf("duplicate of a document in the bin: %v", err)
	}
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 || bin[0].Kind != "documents" {
		t.Fatalf("bin: %+v", bin)
	}
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, s)
	if len(hits(t, s, "kantinecommissie")) != 1 {
		t.Fatal("restored document not found")
	}

	// Empty bin: the document and its original are gone for good, the index stays in step.
	if err := s.DeleteDocument(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyBin(ctx); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, s)
	s.r.QueryRow("SELECT count(*) FROM blobs").Scan(&blobs)
	var chunks int
	s.r.QueryRow("SELECT count(*) FROM blob_chunks").Scan(&chunks)
	if blobs != 0 || chunks != 0 {
		t.Fatalf("after emptying the bin: %d blobs, %d chunks", blobs, chunks)
	}
}

func TestMailAttachmentsAreDocuments(t *testing.T) {
	s, _ := newStore(t)
	body := newBody(t, s)
	pdf := textPDF(t, "Adviesaanvraag", "De bestuurder vraagt advies over de reorganisatie.")
	mail := emlFile(t, "Adviesaanvraag reorganisatie", "Beste OR, zie de bijlage. Groet, Ingrid",
		export.Attachment{Name: "adviesaanvraag.pdf", ContentType: "application/pdf", Data: pdf},
		export.Attachment{Name: "begroting.xlsx", ContentType: "application/octet-stream", Data: []byte("PK\x03\x04 niet echt")})
	var results []model.ImportResult
	b, err := s.NewBatch(ctx, model.DocumentMeta{}, func(r model.ImportResult) { results = append(results, r) })
	if err != nil {
		t.Fatal(err)
	}
	b.Add("inbox/advies.eml", bytes.NewReader(mail), model.DocumentMeta{})
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	r := results[0]
	if r.Status != model.ImportOK || r.Attachments != 2 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "begroting.xlsx") {
		t.Fatalf("result: %+v", r)
	}
	m, _ := s.Document(ctx, r.DocumentID)
	if m.Type != model.DocMail || m.Title != "Adviesaanvraag reorganisatie" || !strings.Contains(m.Sender, "Ingrid Bakker") ||
		m.Date != model.NewDate(2025, 9, 12) {
		t.Fatalf("mail: %+v", m)
	}
	kids, _ := s.Documents(ctx, model.DocumentQuery{BodyID: body.ID, ParentID: m.ID})
	if len(kids) != 2 {
		t.Fatalf("%d attachments", len(kids))
	}
	for _, k := range kids {
		if k.Type != model.DocBijlage || k.Date != m.Date {
			t.Fatalf("attachment: %+v", k)
		}
		if k.FileName == "begroting.xlsx" && !k.NoText {
			t.Fatal("unreadable attachment not marked without text")
		}
	}
	checkIndex(t, s)
	if len(hits(t, s, "bestuurder")) != 1 {
		t.Fatal("attachment text not indexed")
	}
	// The mail goes to the bin with its attachments, and comes back with them.
	if err := s.DeleteDocument(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	checkIndex(t, s)
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: body.ID}); n != 0 {
		t.Fatalf("%d documents left", n)
	}
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 {
		t.Fatalf("bin: %+v", bin)
	}
	s.Restore(ctx, bin[0].ID)
	checkIndex(t, s)
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: body.ID}); n != 3 {
		t.Fatalf("%d documents after restore", n)
	}
	// The attachment's original comes back byte for byte.
	var out bytes.Buffer
	for _, k := range kids {
		if k.FileName == "adviesaanvraag.pdf" {
			if err := s.WriteOriginal(ctx, k.ID, &out); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !bytes.Equal(out.Bytes(), pdf) {
		t.Fatal("attachment original differs")
	}
}

func TestLargeFileChunkedAndRoundTrips(t *testing.T) {
	s, _ := newStore(t)
	newBody(t, s)
	line := "De ondernemingsraad adviseert positief over het voorgenomen besluit. € ë ï\n"
	big := []byte(strings.Repeat(line, (3*chunkSize)/len(line)+7)) // > memLimit: spooled to a temp file
	d, err := s.ArchiveBytes(ctx, "groot.txt", big, model.DocumentMeta{})
	if err != nil {
		t.Fatal(err)
	}
	var chunks int
	s.r.QueryRow("SELECT count(*) FROM blob_chunks WHERE sha256 = ?", d.SHA256).Scan(&chunks)
	if want := (len(big) + chunkSize - 1) / chunkSize; chunks != want || d.Size != int64(len(big)) {
		t.Fatalf("%d chunks (want %d), size %d", chunks, want, d.Size)
	}
	var out bytes.Buffer
	if err := s.WriteOriginal(ctx, d.ID, &out); err != nil || !bytes.Equal(out.Bytes(), big) {
		t.Fatalf("round trip: %v, %d bytes", err, out.Len())
	}
	dir := t.TempDir()
	path, err := s.SaveOriginal(ctx, d.ID, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, big) {
		t.Fatal("saved original differs")
	}
	if _, err := s.SaveOriginal(ctx, d.ID, path); err == nil {
		t.Fatal("existing file overwritten")
	}
	tmp, err := s.OriginalTempFile(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(tmp); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("temp file: %v %v", err, fi)
	}
	s.Close()
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatalf("temp file left after close: %v", err)
	}
}

func TestConfidentialImportCreatesOneImposition(t *testing.T) {
	s, _ := newStore(t)
	body := newBody(t, s)
	s.SaveBestuurder(ctx, model.Bestuurder{BodyID: body.ID, Name: "Ingrid Bakker"})
	dir := t.TempDir()
	os.WriteFile(dir+"/a.txt", []byte("Eerste vertrouwelijke notitie"), 0o600)
	os.WriteFile(dir+"/b.txt", []byte("Tweede vertrouwelijke notitie"), 0o600)
	sum, err := s.ImportPaths(ctx, []string{dir}, model.DocumentMeta{Confidential: true}, nil)
	if err != nil || sum.Imported != 2 || sum.ImpositionID == 0 {
		t.Fatalf("%v %+v", err, sum)
	}
	imps, _ := s.Impositions(ctx, body.ID)
	if len(imps) != 1 || imps[0].ImposedBy != "Ingrid Bakker" || !imps[0].Until.IsZero() {
		t.Fatalf("impositions: %+v", imps)
	}
	docs, _ := s.Documents(ctx, model.DocumentQuery{BodyID: body.ID})
	for _, d := range docs {
		if !d.Confidential || d.ImpositionID != imps[0].ID {
			t.Fatalf("not confidential: %+v", d)
		}
	}
	// Unmarking in the document view unlinks the imposition; marking again makes a new quick one.
	d := docs[0]
	d.Confidential = false
	d, err = s.UpdateDocument(ctx, d)
	if err != nil || d.Confidential {
		t.Fatalf("unmark: %v %+v", err, d)
	}
	d.Confidential = true
	if d, err = s.UpdateDocument(ctx, d); err != nil || !d.Confidential || d.ImpositionID == imps[0].ID {
		t.Fatalf("mark: %v %+v", err, d)
	}
}

func TestImportRefusesUnknownDossier(t *testing.T) {
	s, _ := newStore(t)
	newBody(t, s)
	if _, err := s.NewBatch(ctx, model.DocumentMeta{DossierID: 99}, nil); err == nil {
		t.Fatal("unknown dossier accepted")
	}
	if _, err := s.NewBatch(ctx, model.DocumentMeta{Type: "factuur"}, nil); err == nil {
		t.Fatal("unknown type accepted")
	}
}

func TestImportLimitSetting(t *testing.T) {
	s, _ := newStore(t)
	if n, _ := s.ImportLimit(ctx); n != 100<<20 {
		t.Fatalf("default limit %d", n)
	}
	if err := s.SetImportLimit(ctx, 0); err == nil {
		t.Fatal("limit 0 accepted")
	}
	s.SetImportLimit(ctx, 5)
	if n, _ := s.ImportLimit(ctx); n != 5<<20 {
		t.Fatalf("limit %d", n)
	}
}

// TestDocumentsListReadsTheListIndex: the Archief's list (the whole archive, newest first) walks
// documents_body_list in order and never sorts the archive; with a dossier it may choose freely.
func TestDocumentsListReadsTheListIndex(t *testing.T) {
	s, _ := newStore(t)
	b := newBody(t, s)
	plan := func(q model.DocumentQuery) string {
		query, args := documentsSQL(q)
		rows, err := s.r.Query("EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			rows.Scan(&id, &parent, &notused, &detail)
			out = append(out, detail)
		}
		return strings.Join(out, "; ")
	}
	if p := plan(model.DocumentQuery{BodyID: b.ID, Limit: 200}); !strings.Contains(p, "documents_body_list") || strings.Contains(p, "TEMP B-TREE FOR ORDER BY") {
		t.Fatalf("archive list plan: %s", p)
	}
	if p := plan(model.DocumentQuery{BodyID: b.ID, DossierID: 1, Limit: 200}); strings.Contains(p, "documents_body_list") {
		t.Fatalf("a dossier's list is forced onto the archive index: %s", p)
	}
}
