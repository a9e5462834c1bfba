package store

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/store/extract"
)

// inzichtCouncil writes a small council straight into the tables, so that every date is exactly as the
// test says: an OR (body a) with rows on both sides of 2024/2025 and none in the third quarter of 2025,
// a commission (body b) with a longer agenda term, rows in the prullenbak that must not count, and one
// confidential dossier with its letter.
func inzichtCouncil(t *testing.T, s *Store) (a, b model.Body) {
	t.Helper()
	ctx := context.Background()
	a = newBody(t, s)
	b, err := s.CreateBody(ctx, model.Body{Name: "OC Zorg", Kind: model.KindOnderdeel})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAgendaDays(ctx, b.ID, 10); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) int64 {
		t.Helper()
		res, err := s.w.ExecContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		id, _ := res.LastInsertId()
		return id
	}
	meeting := func(body int64, kind, date, status string, sent any, art24 int) {
		exec(`INSERT INTO meetings (body_id, kind, date, start_min, end_min, status, agenda_sent, art24, created_at)
			VALUES (?, ?, ?, 600, 720, ?, ?, ?, '2024-01-01T00:00:00Z')`, body, kind, date, status, sent, art24)
	}
	meeting(a.ID, "or-vergadering", "2024-12-17", "gehouden", "2024-12-12", 0)     // 2 days late, 2024
	meeting(a.ID, "or-vergadering", "2025-01-14", "gehouden", "2025-01-06", 0)     // on time
	meeting(a.ID, "overlegvergadering", "2025-02-11", "gehouden", "2025-02-07", 1) // 3 days late
	meeting(a.ID, "overlegvergadering", "2025-10-14", "gehouden", "2025-10-07", 1) // on the due day
	meeting(a.ID, "overlegvergadering", "2025-12-16", "concept", nil, 1)           // pending
	meeting(b.ID, "commissie", "2025-04-08", "gehouden", "2025-04-08", 0)          // 10 days late (term 10)
	exec(`UPDATE meetings SET deleted_at = '2025-03-01T00:00:00Z' WHERE id = ?`,
		exec(`INSERT INTO meetings (body_id, kind, date, start_min, end_min, status, created_at)
			VALUES (?, 'or-vergadering', '2025-03-03', 600, 720, 'gehouden', '2025-01-01T00:00:00Z')`, a.ID))

	imp := exec(`INSERT INTO impositions (body_id, imposed_by, subject, from_date) VALUES (?, 'bestuurder', 'Geheim dossier X', '2025-04-30')`, a.ID)
	exec(`INSERT INTO actions (body_id, description, owner, due, status, created_on, closed_on, postponed)
		VALUES (?, 'Rooster opvragen', 'Piet', '2025-01-05', 'gereed', '2024-12-17', '2025-01-10', 2)`, a.ID)
	exec(`INSERT INTO actions (body_id, description, owner, due, status, created_on) VALUES (?, 'Notulen', 'AS', '2025-02-01', 'open', '2025-01-14')`, a.ID)
	exec(`INSERT INTO actions (body_id, description, owner, status, created_on, deleted_at) VALUES (?, 'Weg', 'AS', 'open', '2025-02-11', '2025-02-12')`, a.ID)

	d1 := exec(`INSERT INTO dossiers (body_id, kind, title, started_on, created_at) VALUES (?, 'adviesaanvraag', 'Reorganisatie FD', '2025-01-06', '2025-01-06')`, a.ID)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date) VALUES (?, 'ontvangen', '2025-01-06')`, d1)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date, content) VALUES (?, 'advies', '2025-02-17', 'positief')`, d1)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date, content) VALUES (?, 'besluit', '2025-03-03', 'conform')`, d1)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date, content, deleted_at) VALUES (?, 'besluit', '2025-03-10', 'afwijkend', '2025-03-11')`, d1)
	d2 := exec(`INSERT INTO dossiers (body_id, kind, title, started_on, imposition_id, created_at) VALUES (?, 'instemmingsverzoek', 'Geheim dossier X', '2025-05-01', ?, '2025-05-01')`, a.ID, imp)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date) VALUES (?, 'ontvangen', '2025-05-01')`, d2)
	exec(`INSERT INTO dossier_events (dossier_id, kind, date, content) VALUES (?, 'instemming', '2025-05-20', 'geweigerd')`, d2)

	letter := func(tpl, status string, sent any, imp any, deleted any) {
		exec(`INSERT INTO letters (body_id, template, status, sent_on, imposition_id, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', ?)`,
			a.ID, tpl, status, sent, imp, deleted)
	}
	letter("adviesbrief-positief", "verzonden", "2025-02-17", nil, nil)
	letter("ontvangstbevestiging-adviesaanvraag", "concept", nil, nil, nil)
	letter("instemmingsbrief-geweigerd", "verzonden", "2025-05-20", imp, nil)
	letter("ontvangstbevestiging-adviesaanvraag", "verzonden", "2025-01-08", nil, "2025-01-09")

	member := func(body int64, name string, commission int, days float64) {
		id := exec(`INSERT INTO members (body_id, name, role, commission) VALUES (?, ?, 'lid', ?)`, body, name, commission)
		exec(`INSERT INTO training (member_id, year, days) VALUES (?, 2025, ?)`, id, days)
	}
	member(a.ID, "Anna de Vries", 0, 5)
	member(a.ID, "Bram Smit", 1, 2)
	member(b.ID, "Bram Smit", 0, 0) // also on the OR: the OR minimum counts there
	member(b.ID, "Carla Jansen", 0, 1.5)
	return a, b
}

func TestInzichtFigures(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	a, _ := inzichtCouncil(t, s)
	today := model.MustDate("2025-11-25")

	f, err := s.Inzicht(ctx, a.ID, inzicht.Year(2025), today)
	if err != nil {
		t.Fatal(err)
	}
	if want := (inzicht.AgendaFigures{Meetings: 4, OnTime: 2, Late: 1, Pending: 1, MedianDaysLate: 3, MaxDaysLate: 3}); f.Agendas != want {
		t.Errorf("agendas %+v, want %+v", f.Agendas, want)
	}
	if f.Meetings.Held != 3 || f.Meetings.Planned != 1 || len(f.Meetings.Art24) != 1 ||
		f.Meetings.Art24[0].Held != 2 || f.Meetings.Art24[0].Planned != 1 {
		t.Errorf("meetings %+v", f.Meetings)
	}
	ac := f.Actions
	if ac.Opened != 1 || ac.Closed != 1 || ac.Done != 1 || ac.Open != 1 || ac.Overdue != 1 || ac.MedianDaysToClose != 24 ||
		len(ac.MostPostponed) != 1 || ac.MostPostponed[0].Postponed != 2 {
		t.Errorf("actions %+v", ac)
	}
	adv, ins := f.Dossiers[0], f.Dossiers[1]
	if adv.Kind != termijn.Adviesaanvraag || adv.Opened != 1 || adv.Answered != 1 || adv.MedianDays != 42 || adv.Decisions != 1 || adv.Deviating != 0 {
		t.Errorf("adviesaanvraag %+v", adv)
	}
	if ins.Answered != 1 || ins.MedianDays != 19 || ins.Outcomes[1] != (inzicht.OutcomeCount{Outcome: "geweigerd", Count: 1}) {
		t.Errorf("instemmingsverzoek %+v", ins)
	}
	if f.Letters.Sent != 2 || f.Letters.Months[1].Count != 1 || f.Letters.Months[4].Count != 1 || len(f.Letters.Templates) != 2 ||
		f.Letters.Templates[0].Name == f.Letters.Templates[0].Template {
		t.Errorf("letters %+v", f.Letters)
	}
	if want := (inzicht.SecrecyFigures{Imposed: 1, Active: 1, WithoutEnd: 1}); f.Secrecy != want {
		t.Errorf("secrecy %+v", f.Secrecy)
	}
	if f.Training.Days != 7 || f.Training.Minimum != 13 || f.Training.Below != 1 {
		t.Errorf("training %+v", f.Training)
	}

	all, err := s.Inzicht(ctx, 0, inzicht.Year(2025), today)
	if err != nil {
		t.Fatal(err)
	}
	if all.Agendas.Meetings != 5 || all.Agendas.Late != 2 || all.Agendas.MaxDaysLate != 10 || len(all.Bodies) != 2 || len(all.Meetings.Art24) != 1 {
		t.Errorf("all bodies: agendas %+v, bodies %v", all.Agendas, all.Bodies)
	}
	mins := map[string]int{}
	for _, m := range all.Training.Members {
		mins[m.Name+string(rune('0'+m.BodyID))] = m.Minimum
	}
	if !reflect.DeepEqual(mins, map[string]int{"Anna de Vries1": 5, "Bram Smit1": 8, "Bram Smit2": 0, "Carla Jansen2": 3}) {
		t.Errorf("training minimums %v", mins)
	}

	y24, err := s.Inzicht(ctx, a.ID, inzicht.Year(2024), today)
	if err != nil {
		t.Fatal(err)
	}
	if y24.Agendas.Late != 1 || y24.Agendas.MaxDaysLate != 2 || y24.Actions.Opened != 1 || y24.Actions.Open != 1 || y24.Letters.Sent != 0 {
		t.Errorf("2024: agendas %+v actions %+v", y24.Agendas, y24.Actions)
	}
	q3, err := s.Inzicht(ctx, a.ID, inzicht.Period{Year: 2025, Quarter: 3}, today)
	if err != nil {
		t.Fatal(err)
	}
	if q3.Agendas != (inzicht.AgendaFigures{}) || q3.Meetings.Held != 0 || q3.Actions.Opened != 0 || q3.Letters.Sent != 0 ||
		q3.Secrecy.Imposed != 0 || len(q3.Letters.Months) != 3 {
		t.Errorf("empty quarter %+v", q3)
	}
	if _, err := s.Inzicht(ctx, 999, inzicht.Year(2025), today); err == nil {
		t.Error("an unknown body gave figures")
	}
}

func TestInzichtReadOnly(t *testing.T) {
	s, path := newStore(t)
	ctx := context.Background()
	a, _ := inzichtCouncil(t, s)
	today := model.MustDate("2025-11-25")
	want, err := s.Inzicht(ctx, a.ID, inzicht.Year(2025), today)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	ro, err := Open(path, Options{ReadOnly: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ro.Inzicht(ctx, a.ID, inzicht.Year(2025), today)
	ro.Close()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read-only figures differ (%v)", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("reading the figures changed the database file")
	}
}

func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("not a valid DOCX: %v", err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(strings.ReplaceAll(string(b), "</w:p>", "\n"), "")
		}
	}
	t.Fatal("DOCX without word/document.xml")
	return ""
}

func TestJaarverslagExport(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	a, _ := inzichtCouncil(t, s)
	dir := t.TempDir()
	for _, format := range []string{"md", "txt", "docx", "pdf"} {
		out := filepath.Join(dir, "jaarverslag."+format)
		if err := s.ExportJaarverslag(ctx, a.ID, 2025, format, out); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		b, _ := os.ReadFile(out)
		text := string(b)
		if format == "docx" {
			text = docxText(t, out)
		}
		if format == "pdf" {
			r, err := extract.Extract(ctx, out, b)
			if err != nil {
				t.Fatalf("pdf: %v", err)
			}
			text = r.Text
		}
		for _, w := range []string{"Jaarverslag 2025", JaarComposition, JaarMeetings, JaarMatters, JaarTraining, JaarSecrecy,
			"Reorganisatie FD", "[nog invullen:", "2 van de vereiste 2", "1 keer geheimhouding"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", format, w)
			}
		}
		if strings.Contains(text, "Geheim dossier X") || strings.Contains(text, "geweigerd 1") {
			t.Errorf("%s: a withheld dossier is in the jaarverslag", format)
		}
	}
	if err := s.ExportJaarverslag(ctx, 0, 2025, "md", filepath.Join(dir, "x.md")); err == nil {
		t.Error("a jaarverslag of all bodies at once was made")
	}
	if err := s.ExportJaarverslag(ctx, a.ID, 2025, "odt", filepath.Join(dir, "x.odt")); err == nil {
		t.Error("an unknown format was accepted")
	}
}
