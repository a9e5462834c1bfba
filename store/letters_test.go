package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/store/search"
)

// letterCouncil is a body with chair, secretary, bestuurder and an adviesaanvraag discussed in an OV.
func letterCouncil(t *testing.T, s *Store) (model.Body, dossier.Dossier) {
	t.Helper()
	ctx := context.Background()
	b, err := s.CreateBody(ctx, model.Body{Name: "OR Zorggroep", Kind: model.KindOR, RuleSet: model.RulesWOR,
		Company: "Zorggroep Rivierenland", Address: "Postbus 412, 4000 AK Tiel", Place: "Tiel"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Member{{Name: "Anneke Smit", Role: model.RoleVoorzitter}, {Name: "Zoë Brouwer", Role: model.RoleSecretaris}} {
		m.BodyID = b.ID
		if _, err := s.CreateMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Ingrid Bakker", Title: "bestuurder", Salutation: "mevrouw"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.CreateDossier(ctx, dossier.Dossier{BodyID: b.ID, Kind: termijn.Adviesaanvraag, Title: "Reorganisatie facilitaire dienst",
		StartedOn: model.MustDate("2025-09-12")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: dossier.OVHeld, Date: model.MustDate("2025-10-10")}); err != nil {
		t.Fatal(err)
	}
	return b, d
}

// fillAll gives every field the letter still marks a value.
func fillAll(t *testing.T, v letter.Version) map[string]string {
	t.Helper()
	f := map[string]string{}
	for k, val := range v.Fields {
		f[k] = val
	}
	names, err := letter.Names(v.Source)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if f[n] == "" {
			f[n] = "ingevuld " + n
			if fl, _ := letter.Lookup(n); fl.Kind == letter.KindDate {
				f[n] = "2025-10-21"
			}
		}
	}
	return f
}

func TestCreateLetterFillsFromDossier(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, err := s.CreateLetter(ctx, b.ID, "adviesbrief-negatief", d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if l.Status != letter.StatusConcept || l.Versions != 1 || l.DossierTitle != d.Title || l.TemplateName != "Adviesbrief (negatief)" {
		t.Errorf("letter %+v", l)
	}
	v, err := s.LetterVersion(ctx, l.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	text := v.Text()
	for _, want := range []string{"Ondernemingsraad Zorggroep Rivierenland", "Mevrouw I. Bakker", "Tiel, 25 november 2025",
		"Betreft: advies ex artikel 25 lid 1 sub [nog invullen: sub van het wetsartikel] WOR over reorganisatie facilitaire dienst",
		"Kenmerk: OR-2025-001", "Geachte mevrouw Bakker,", "Op 12 september 2025 vroeg u", "overlegvergadering van 10 oktober 2025",
		"[nog invullen: bezwaren met redenen]", "Anneke Smit, voorzitter", "Zoë Brouwer, secretaris"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	if !strings.HasPrefix(l.Subject, "advies ex artikel 25") {
		t.Errorf("subject %q", l.Subject)
	}
	if _, err := s.CreateLetter(ctx, b.ID, "bestaat-niet", 0); err == nil {
		t.Error("unknown template accepted")
	}
	mr, _ := s.CreateBody(ctx, model.Body{Name: "MR", Kind: model.KindMR, RuleSet: model.RulesWMS})
	if _, err := s.CreateLetter(ctx, mr.ID, "adviesbrief-negatief", 0); err == nil || !strings.Contains(err.Error(), "past niet") {
		t.Errorf("WOR letter for an MR: %v", err)
	}
	if _, err := s.CreateLetter(ctx, mr.ID, "verzoek-om-informatie", d.ID); err == nil {
		t.Error("dossier of another body accepted")
	}
}

func TestLetterVersionsImmutable(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, _ := s.CreateLetter(ctx, b.ID, "adviesbrief-positief", d.ID)
	v1, _ := s.LetterVersion(ctx, l.ID, 0)
	v2, err := s.SaveLetterVersion(ctx, l.ID, 1, v1.Source+"\n\nEen extra alinea.", v1.Fields)
	if err != nil || v2.N != 2 {
		t.Fatalf("save: %v %+v", err, v2)
	}
	// Saving unchanged text adds no version.
	if same, err := s.SaveLetterVersion(ctx, l.ID, 2, v2.Source, v2.Fields); err != nil || same.N != 2 {
		t.Errorf("unchanged save: %v %d", err, same.N)
	}
	// A stale base is a conflict, and nothing is saved.
	if _, err := s.SaveLetterVersion(ctx, l.ID, 1, "Betreft: x\n\nweg", nil); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale save: %v", err)
	}
	// Bad input: an unknown field or a wrong date, with a Dutch message; nothing saved.
	if _, err := s.SaveLetterVersion(ctx, l.ID, 2, v2.Source+" {{handtekening}}", v2.Fields); err == nil || !strings.Contains(err.Error(), "onbekend veld {{handtekening}}") {
		t.Errorf("unknown field: %v", err)
	}
	bad := fillAll(t, v2)
	bad["datum_ov"] = "31-02-2025"
	if _, err := s.SaveLetterVersion(ctx, l.ID, 2, v2.Source, bad); err == nil || !strings.Contains(err.Error(), "geen geldige datum") {
		t.Errorf("bad date: %v", err)
	}
	// The database itself refuses to change a version.
	if _, err := s.w.Exec("UPDATE letter_versions SET body = 'vervalst' WHERE letter_id = ? AND n = 1", l.ID); err == nil {
		t.Error("version changed")
	}
	vs, err := s.LetterVersions(ctx, l.ID)
	if err != nil || len(vs) != 2 || vs[0].N != 2 || vs[1].Source != v1.Source {
		t.Fatalf("versions %v %+v", err, vs)
	}
	// Restoring version 1 makes a version 3 with its text; 2 stays.
	v3, err := s.RestoreLetterVersion(ctx, l.ID, 1)
	if err != nil || v3.N != 3 || v3.Source != v1.Source {
		t.Fatalf("restore: %v %+v", err, v3)
	}
	if old, _ := s.LetterVersion(ctx, l.ID, 2); old.Source != v2.Source {
		t.Error("version 2 lost")
	}
	d12 := letter.Diff(v1.Text(), v2.Text())
	if add, _ := letter.Changed(d12); add != 2 {
		t.Errorf("diff adds %d lines", add)
	}
}

func TestLetterStatus(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, _ := s.CreateLetter(ctx, b.ID, "adviesbrief-negatief", d.ID)
	if _, err := s.MarkLetterForSigning(ctx, l.ID); err == nil || !strings.Contains(err.Error(), "open velden") {
		t.Errorf("signing with markers: %v", err)
	}
	if _, err := s.MarkLetterSent(ctx, l.ID, model.MustDate("2025-11-25")); err == nil || !strings.Contains(err.Error(), "nog ") {
		t.Errorf("sent with markers: %v", err)
	}
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: b.ID}); n != 0 {
		t.Errorf("%d documents archived by a refused send", n)
	}
	v1, _ := s.LetterVersion(ctx, l.ID, 0)
	// A marker typed into the text blocks sending as much as an empty field.
	typed := fillAll(t, v1)
	if _, err := s.SaveLetterVersion(ctx, l.ID, 1, v1.Source+"\n\nZie [nog invullen: bijlage].", typed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkLetterForSigning(ctx, l.ID); err == nil {
		t.Error("typed marker not counted")
	}
	v3, err := s.SaveLetterVersion(ctx, l.ID, 2, v1.Source, typed)
	if err != nil {
		t.Fatal(err)
	}
	l, err = s.MarkLetterForSigning(ctx, l.ID)
	if err != nil || l.Status != letter.StatusSigning {
		t.Fatalf("signing: %v %s", err, l.Status)
	}
	if _, err := s.SaveLetterVersion(ctx, l.ID, v3.N, v3.Source+"\nx", typed); err == nil || !strings.Contains(err.Error(), "heropen") {
		t.Errorf("edit while ter ondertekening: %v", err)
	}
	v4, err := s.ReopenLetter(ctx, l.ID)
	if err != nil || v4.N != 4 {
		t.Fatalf("reopen: %v %d", err, v4.N)
	}
	if l, _ = s.Letter(ctx, l.ID); l.Status != letter.StatusConcept {
		t.Errorf("status after reopen %s", l.Status)
	}
	if _, err := s.ReopenLetter(ctx, l.ID); err == nil {
		t.Error("reopened a concept")
	}
}

func TestLetterSentIsArchivedWithEvent(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, _ := s.CreateLetter(ctx, b.ID, "adviesbrief-negatief", d.ID)
	v1, _ := s.LetterVersion(ctx, l.ID, 0)
	fields := fillAll(t, v1)
	fields["bezwaren"] = "De financiële onderbouwing van de reorganisatie ontbreekt."
	if _, err := s.SaveLetterVersion(ctx, l.ID, 1, v1.Source, fields); err != nil {
		t.Fatal(err)
	}
	sent, err := s.MarkLetterSent(ctx, l.ID, model.MustDate("2025-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	if sent.Status != letter.StatusSent || sent.SentOn.String() != "2025-11-25" || sent.DocumentID == 0 {
		t.Fatalf("sent %+v", sent)
	}
	doc, err := s.Document(ctx, sent.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Type != model.DocBriefUit || doc.DossierID != d.ID || !strings.HasPrefix(doc.Title, "Advies ex artikel 25") ||
		!strings.HasSuffix(doc.FileName, ".docx") || !strings.Contains(doc.Text, "financiële onderbouwing") {
		t.Errorf("document %+v", doc)
	}
	// The archive's full-text index finds it.
	var hits int
	if err := s.r.QueryRow("SELECT count(*) FROM "+search.Table+" WHERE "+search.Table+" MATCH ? AND rowid = ?",
		"onderbouwing", doc.ID).Scan(&hits); err != nil || hits != 1 {
		t.Errorf("search: %d hits, %v", hits, err)
	}
	dd, _ := s.Dossier(ctx, d.ID)
	var advice *dossier.Event
	for i, e := range dd.Events {
		if e.Kind == dossier.Advice {
			advice = &dd.Events[i]
		}
	}
	if advice == nil || advice.Content != "negatief" || advice.Date.String() != "2025-11-25" {
		t.Fatalf("no advies event: %+v", dd.Events)
	}
	// Locked: no new version, no second send, until reopened.
	if _, err := s.SaveLetterVersion(ctx, l.ID, 2, v1.Source, fields); err == nil {
		t.Error("sent letter changed")
	}
	if _, err := s.MarkLetterSent(ctx, l.ID, model.Date{}); err == nil {
		t.Error("sent twice")
	}
	if _, err := s.ReopenLetter(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if doc2, err := s.Document(ctx, sent.DocumentID); err != nil || doc2.ID != doc.ID {
		t.Error("archived copy gone after reopen")
	}
}

func TestLetterSentRefusedByTimeline(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, _ := s.CreateLetter(ctx, b.ID, "adviesbrief-positief", d.ID)
	v1, _ := s.LetterVersion(ctx, l.ID, 0)
	if _, err := s.SaveLetterVersion(ctx, l.ID, 1, v1.Source, fillAll(t, v1)); err != nil {
		t.Fatal(err)
	}
	// An advice dated before the request was received cannot be in the timeline.
	_, err := s.MarkLetterSent(ctx, l.ID, model.MustDate("2025-09-01"))
	if err == nil || !strings.Contains(err.Error(), "tijdlijn") {
		t.Fatalf("err %v", err)
	}
	if n, _ := s.CountDocuments(ctx, model.DocumentQuery{BodyID: b.ID}); n != 0 {
		t.Errorf("%d documents left behind", n)
	}
	if l, _ = s.Letter(ctx, l.ID); l.Status != letter.StatusConcept {
		t.Errorf("status %s", l.Status)
	}
}

func TestLetterWithoutDossierAndNote(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	// An informatieverzoek inside an adviesaanvraag: "verzonden" does not fit, so the timeline gets a note.
	l, _ := s.CreateLetter(ctx, b.ID, "verzoek-om-informatie", d.ID)
	v1, _ := s.LetterVersion(ctx, l.ID, 0)
	s.SaveLetterVersion(ctx, l.ID, 1, v1.Source, fillAll(t, v1))
	if _, err := s.MarkLetterSent(ctx, l.ID, model.MustDate("2025-11-20")); err != nil {
		t.Fatal(err)
	}
	dd, _ := s.Dossier(ctx, d.ID)
	last := dd.Events[len(dd.Events)-1]
	if last.Kind != dossier.Note || !strings.Contains(last.Note, "Verzoek om informatie") {
		t.Errorf("event %+v", last)
	}
	u, _ := s.CreateLetter(ctx, b.ID, "uitnodiging-overlegvergadering", 0)
	if u.DossierID != 0 {
		t.Error("dossier set")
	}
	ls, err := s.Letters(ctx, b.ID)
	if err != nil || len(ls) != 2 || ls[0].ID != u.ID {
		t.Errorf("letters %v %+v", err, ls)
	}
	if err := s.DeleteLetter(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if ls, _ := s.Letters(ctx, b.ID); len(ls) != 1 {
		t.Errorf("deleted letter listed")
	}
}

func TestLetterTemplatesCopyAndRestore(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, _ := letterCouncil(t, s)
	def, _ := letter.Default("initiatiefvoorstel")
	own := def.Source + "\n\nMet dank voor uw aandacht."
	if _, err := s.SaveLetterTemplate(ctx, "initiatiefvoorstel", "Ons initiatiefvoorstel", own); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveLetterTemplate(ctx, "initiatiefvoorstel", "x", def.Source+"{{kostenplaats}}"); err == nil ||
		!strings.Contains(err.Error(), "onbekend veld {{kostenplaats}}") {
		t.Errorf("unknown field: %v", err)
	}
	tp, _ := s.LetterTemplate(ctx, "initiatiefvoorstel")
	if !tp.Custom || tp.Name != "Ons initiatiefvoorstel" || tp.Source != own {
		t.Errorf("copy %+v", tp)
	}
	l, _ := s.CreateLetter(ctx, b.ID, "initiatiefvoorstel", 0)
	if l.TemplateName != "Ons initiatiefvoorstel" {
		t.Errorf("name %q", l.TemplateName)
	}
	if v, _ := s.LetterVersion(ctx, l.ID, 0); !strings.Contains(v.Source, "Met dank") {
		t.Error("letter not from the copy")
	}
	if _, err := s.RestoreLetterTemplate(ctx, "initiatiefvoorstel"); err != nil {
		t.Fatal(err)
	}
	if tp, _ := s.LetterTemplate(ctx, "initiatiefvoorstel"); tp.Custom || tp.Source != def.Source {
		t.Error("default not restored")
	}
	if v, _ := s.LetterVersion(ctx, l.ID, 0); !strings.Contains(v.Source, "Met dank") {
		t.Error("drafted letter changed with its template")
	}
}

func TestExportLetter(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, d := letterCouncil(t, s)
	l, _ := s.CreateLetter(ctx, b.ID, "adviesbrief-voorwaardelijk", d.ID)
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.txt")
	if err := s.ExportLetter(ctx, l.ID, "txt", path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "[nog invullen: voorwaarden]") {
		t.Errorf("draft export lost its markers:\n%s", data)
	}
	missing := filepath.Join(dir, "weg", "brief.docx")
	if err := s.ExportLetter(ctx, l.ID, "docx", missing); err == nil || !strings.Contains(err.Error(), "map bestaat niet") {
		t.Errorf("missing folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if name, _ := s.LetterFileName(ctx, l.ID, "docx"); name != "brief-OR-2025-001-adviesbrief-voorwaardelijk.docx" {
		t.Errorf("file name %q", name)
	}
}
