package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/extract"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	tuiinzicht "github.com/werkbank-nl/werkbank/tui/inzicht"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// inzichtScreen opens the Inzicht view on the database as the TUI does, on the year 2025.
func inzichtScreen(t *testing.T, db string) *tuiinzicht.Model {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	m := tuiinzicht.New(common.Common{Styles: styles.New(), Now: time.Now, ReadOnly: true}, s)
	m.SetSize(100, 30)
	feed := func(cmd tea.Cmd) {
		for cmd != nil {
			msg := cmd()
			if _, ok := msg.(common.StatusMsg); ok {
				t.Fatalf("view reports %v", msg)
			}
			m, cmd = m.Update(msg)
		}
	}
	feed(m.Init())
	for i := 0; m.Figures().Period.Year != 2025 && i < 300; i++ {
		feed(func() tea.Msg { return tea.KeyMsg{Type: tea.KeyLeft} })
	}
	return m
}

func TestInzichtJSONEqualsScreen(t *testing.T) {
	home, db := demoDB(t)
	code, out, errs := runCmd(t, home, "--db", db, "inzicht", "--jaar", "2025", "--json")
	if code != 0 {
		t.Fatalf("inzicht --json: %d %s", code, errs)
	}
	var fromJSON inzicht.Figures
	if err := json.Unmarshal([]byte(out), &fromJSON); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if fromJSON.Label != "2025" || fromJSON.Actions.Opened == 0 || fromJSON.Meetings.Held == 0 || len(fromJSON.Quarters) != 4 {
		t.Fatalf("implausible figures for the demo council: %+v", fromJSON)
	}
	m := inzichtScreen(t, db)
	if !reflect.DeepEqual(fromJSON, m.Figures()) {
		t.Errorf("JSON and screen differ\njson   %+v\nscreen %+v", fromJSON, m.Figures())
	}
	// The text output is the screen's report; every line the screen shows is in it.
	code, text, _ := runCmd(t, home, "--db", db, "inzicht", "--jaar", "2025")
	if code != 0 {
		t.Fatal(text)
	}
	screen := strings.Split(golden.Strip(m.View()), "\n")
	for _, l := range screen[1 : len(screen)-1] {
		if l != "" && !strings.Contains(text, l+"\n") {
			t.Errorf("screen line %q is not in the text output", l)
		}
	}
	for _, want := range []string{"Agenda's", "Vergaderingen", "Acties", "Dossiers", "Brieven", "Geheimhouding", "Scholing"} {
		if !strings.Contains(text, " "+want+"  ") {
			t.Errorf("text output lacks section %q", want)
		}
	}
	if code, _, errs := runCmd(t, home, "--db", db, "inzicht", "--kwartaal", "5"); code != 2 {
		t.Errorf("--kwartaal 5: exit %d %s", code, errs)
	}
	code, out, _ = runCmd(t, home, "--db", db, "inzicht", "--jaar", "2025", "--kwartaal", "3", "--alle", "--json")
	var q inzicht.Figures
	if code != 0 || json.Unmarshal([]byte(out), &q) != nil || q.Label != "K3 2025" || q.BodyID != 0 || len(q.Bodies) != 2 {
		t.Errorf("quarter of all bodies: %d %+v", code, q)
	}
}

// confidentialTitles are the titles and subjects of every demo row under an imposition the AS has not
// released (model.Imposition.Withheld: active, or expired and not reviewed), and the subjects of the
// impositions themselves.
func confidentialTitles(t *testing.T, db string) []string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT subject FROM impositions WHERE released IS NULL AND subject <> ''
		UNION SELECT x.title FROM (SELECT title, imposition_id FROM dossiers UNION ALL SELECT title, imposition_id FROM agenda_items
			UNION ALL SELECT title, imposition_id FROM documents UNION ALL SELECT description, imposition_id FROM actions
			UNION ALL SELECT text, imposition_id FROM decisions UNION ALL SELECT subject, imposition_id FROM letters) x
		JOIN impositions i ON i.id = x.imposition_id WHERE i.released IS NULL AND x.title <> ''`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestJaarverslagOfTheDemo(t *testing.T) {
	home, db := demoDB(t)
	secret := confidentialTitles(t, db)
	if len(secret) == 0 {
		t.Fatal("the demo has nothing confidential: the test would prove nothing")
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := s.ActiveBody(context.Background())
	a, err := s.Jaarverslag(context.Background(), body.ID, 2025, s.Today())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Jaarverslag 2025", body.Name, store.JaarIntro, store.JaarComposition, store.JaarMeetings, store.JaarMatters,
		store.JaarInitiatives, store.JaarWork, store.JaarTraining, store.JaarSecrecy, store.JaarAchterban, store.JaarOutlook,
		"[nog invullen:",
		"bestond de ondernemingsraad uit " + strconv.Itoa(len(a.Members)) + " leden",
		"zijn " + strconv.Itoa(a.Figures.Meetings.Held) + " vergaderingen gehouden",
		strconv.Itoa(a.Figures.Meetings.Art24[0].Held) + " van de vereiste 2 overlegvergaderingen",
		"is " + strconv.Itoa(a.Figures.Secrecy.Imposed) + " keer geheimhouding opgelegd",
	}
	dir := t.TempDir()
	for _, format := range []string{"md", "docx", "pdf"} {
		path := filepath.Join(dir, "jaarverslag."+format)
		code, out, errs := runCmd(t, home, "--db", db, "jaarverslag", "2025", "--format", format, "--out", path)
		if code != 0 || !strings.Contains(out, "Jaarverslag 2025") {
			t.Fatalf("%s: %d %q %q", format, code, out, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := extract.Extract(context.Background(), path, b)
		if err != nil {
			t.Fatalf("%s does not read back: %v", format, err)
		}
		text := strings.Join(strings.Fields(r.Text), " ")
		if format == "md" {
			text = strings.Join(strings.Fields(string(b)), " ")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", format, w)
			}
		}
		for _, title := range secret {
			if strings.Contains(text, title) {
				t.Errorf("%s: confidential title %q in the jaarverslag", format, title)
			}
		}
	}
	if code, _, _ := runCmd(t, home, "--db", db, "jaarverslag", "twintig", "--format", "md", "--out", filepath.Join(dir, "x.md")); code != 2 {
		t.Errorf("a bad year gives exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, home, "--db", db, "jaarverslag", "2025", "--out", filepath.Join(dir, "x.odt")); code != 2 {
		t.Errorf("an unknown format gives exit %d, want 2", code)
	}
}
