package store

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-message/mail"
	"github.com/werkbank-nl/werkbank/model"
)

// TestExportAgendaFromDatabase runs the whole way: items and an imposition in SQLite, documents with
// their bytes in blob chunks, out to an openbare Markdown file and a convocation with attachments.
func TestExportAgendaFromDatabase(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "Anneke Smit", Role: model.RoleVoorzitter, Email: "anneke@example.nl"}); err != nil {
		t.Fatal(err)
	}
	m := newMeeting(t, s, b)
	imp, _ := s.CreateImposition(ctx, model.Imposition{BodyID: b.ID, ImposedBy: "bestuurder"})
	secretItem, _ := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Overname geheim", Minutes: 30, ImpositionID: imp.ID})
	open, _ := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Fietsregeling", Minutes: 15})
	pdfBytes := []byte("%PDF-1.4\x00\x01 fiets")
	doc := addDocument(t, s, b.ID, "Voorstel fietsregeling", "fiets.pdf", pdfBytes)
	secretDoc := addDocument(t, s, b.ID, "Overnamecijfers", "overname.xlsx", []byte("geheim"))
	s.AttachDocument(ctx, open.ID, doc)
	s.AttachDocument(ctx, secretItem.ID, secretDoc)

	dir := t.TempDir()
	md := filepath.Join(dir, "agenda.md")
	if err := s.ExportAgenda(ctx, m.ID, "md", true, md); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(md)
	if strings.Contains(string(raw), "Overname") || !strings.Contains(string(raw), "vertrouwelijk agendapunt") || !strings.Contains(string(raw), "Fietsregeling") {
		t.Fatalf("openbare markdown:\n%s", raw)
	}
	eml := filepath.Join(dir, "convocatie.eml")
	if err := s.ExportAgenda(ctx, m.ID, "eml", false, eml); err != nil {
		t.Fatal(err)
	}
	raw, _ = os.ReadFile(eml)
	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h, ok := p.Header.(*mail.AttachmentHeader); ok {
			name, _ := h.Filename()
			got[name], _ = io.ReadAll(p.Body)
		}
	}
	if !bytes.Equal(got["fiets.pdf"], pdfBytes) || string(got["overname.xlsx"]) != "geheim" {
		t.Fatalf("attachments: %v", got)
	}
	if err := s.ExportAgenda(ctx, m.ID, "pdf", false, filepath.Join(dir, "nee", "a.pdf")); err == nil || !strings.Contains(err.Error(), "bestaat niet") {
		t.Fatalf("missing dir: %v", err)
	}
	if err := s.ExportAgenda(ctx, 999, "pdf", false, filepath.Join(dir, "a.pdf")); err == nil {
		t.Fatal("unknown meeting exported")
	}
	if _, err := os.Stat(filepath.Join(dir, "a.pdf")); !os.IsNotExist(err) {
		t.Fatal("file left behind")
	}
}
