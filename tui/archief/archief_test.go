package archief

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/cmdtest"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

// Screens are 100x24: the 100x30 terminal minus the root's chrome.
const width, height = 100, 24

func newStore(t *testing.T, docs int) *fake.Store {
	t.Helper()
	st := fake.New()
	if err := st.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	types := model.DocTypes
	for i := range docs {
		d := model.Document{BodyID: 1, Title: fmt.Sprintf("Stuk %d over de reorganisatie van de facilitaire dienst", i+1),
			Date: model.NewDate(2025, 11, 20).AddDays(-i), Type: types[i%len(types)], Sender: "Ingrid Bakker",
			FileName: fmt.Sprintf("stuk-%d.pdf", i+1), Size: int64(1000 * (i + 1)), Text: "Tekst van stuk " + fmt.Sprint(i+1)}
		if i == 1 {
			d.Confidential, d.ImpositionID = true, 1
		}
		if i == 2 {
			d.NoText, d.Text = true, ""
		}
		st.ArchiveDocument(d)
	}
	return st
}

func newView(t *testing.T, st *fake.Store, readOnly bool) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow, ReadOnly: readOnly}, st)
	m.Open = func(string) error { return nil }
	m.SetSize(width, height)
	drive(m, m.Init())
	return m
}

// drive runs a command and feeds its messages back, as the Bubble Tea runtime would; commands that do
// not answer within a moment (timers) are dropped.
func drive(m *Model, cmd tea.Cmd) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if s, ok := msg.(common.StatusMsg); ok {
			lastStatus = s
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

var lastStatus common.StatusMsg

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "pgdown":
			msg = tea.KeyMsg{Type: tea.KeyPgDown}
		case "end":
			msg = tea.KeyMsg{Type: tea.KeyEnd}
		case "backspace":
			msg = tea.KeyMsg{Type: tea.KeyBackspace}
		case "ctrl+s":
			msg = tea.KeyMsg{Type: tea.KeyCtrlS}
		case "ctrl+t":
			msg = tea.KeyMsg{Type: tea.KeyCtrlT}
		case "ctrl+r":
			msg = tea.KeyMsg{Type: tea.KeyCtrlR}
		case "right":
			msg = tea.KeyMsg{Type: tea.KeyRight}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := m.Update(msg)
		drive(m, cmd)
	}
}

// typeText types s as one message, as a paste or fast typing arrives.
func typeText(m *Model, s string) {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	drive(m, cmd)
}

func TestListPagesFromTheStore(t *testing.T) {
	st := newStore(t, 250)
	m := newView(t, st, false)
	golden.Assert(t, "list", m.View())
	if len(m.page) != pageSize || m.total != 250 {
		t.Fatalf("loaded %d of %d rows", len(m.page), m.total)
	}
	press(m, "end")
	if m.cur.Index != 249 || m.pageOff+len(m.page) != 250 {
		t.Fatalf("end: cursor %d, page %d+%d", m.cur.Index, m.pageOff, len(m.page))
	}
	if !strings.Contains(m.View(), "Stuk 250 ") {
		t.Fatalf("last row not shown:\n%s", m.View())
	}
}

func TestEmptyAndReadOnly(t *testing.T) {
	m := newView(t, newStore(t, 0), false)
	if !strings.Contains(m.View(), "Druk i om bestanden") {
		t.Fatalf("empty archive:\n%s", m.View())
	}
	ro := newView(t, newStore(t, 3), true)
	press(ro, "i")
	if ro.mode != modeList || ro.keys.Import.Enabled() || ro.keys.Delete.Enabled() {
		t.Fatal("import offered on a read-only database")
	}
}

func TestImportPromptCompletes(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"verslagen", "verslag-oud.txt", "brieven"} {
		if strings.HasSuffix(n, ".txt") {
			os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600)
		} else {
			os.Mkdir(filepath.Join(dir, n), 0o700)
		}
	}
	m := newView(t, newStore(t, 3), false)
	press(m, "i")
	if !m.Capturing() {
		t.Fatal("prompt does not capture keys")
	}
	typeText(m, dir+"/b")
	press(m, "tab")
	if got := m.input.Value(); got != dir+"/brieven/" {
		t.Fatalf("completed to %q", got)
	}
	press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "v", "tab")
	if got := m.input.Value(); got != dir+"/verslag" || len(m.candidates) != 2 {
		t.Fatalf("completed to %q, candidates %v", got, m.candidates)
	}
	golden.Assert(t, "import_prompt", strings.ReplaceAll(m.View(), dir, "/home/as/OR"))
	press(m, "esc")
	if m.mode != modeList {
		t.Fatal("esc did not close the prompt")
	}
}

func TestImportProgressAndSummary(t *testing.T) {
	m := newView(t, newStore(t, 3), false)
	m.mode, m.imp = modeImporting, importState{id: 1, root: "/home/as/OR", cancel: func() {}}
	m.Update(progressMsg{id: 1, ok: true, p: model.ImportProgress{Total: 500, Done: 120, Imported: 117, Duplicates: 1, Failed: 2,
		Current: "/home/as/OR/2025/adviesaanvraag-reorganisatie.pdf"}})
	golden.Assert(t, "import_progress", m.View())
	press(m, "esc")
	if !m.imp.canceled || !strings.Contains(m.View(), "Afbreken") {
		t.Fatal("esc did not cancel the import")
	}
	fail := func(p, why string) model.ImportResult {
		return model.ImportResult{Path: "/home/as/OR/" + p, Status: model.ImportFailed, Reason: why}
	}
	sum := model.ImportSummary{Total: 500, Imported: 117, Duplicates: 1, Failed: 6, NoText: 1, Attachments: 3, Hidden: 2}
	for _, r := range []model.ImportResult{fail("kapot.pdf", "bestand is beschadigd: not a PDF file"),
		fail("geheim.pdf", "bestand is versleuteld: beveiligde PDF"), fail("leeg.txt", "bestand is leeg"),
		fail("nep.docx", "inhoud past niet bij de extensie: geen zip-archief, dus geen DOCX"),
		fail("film.mp4", "te groot: 412 MB, de grens is 100 MB (instelbaar als import_max_mb)"),
		fail("netwerk/notulen.txt", "onleesbaar: input/output error")} {
		sum.Failures = append(sum.Failures, r)
	}
	sum.NoTextFiles = []model.ImportResult{{Path: "/home/as/OR/scans/convenant.pdf", Status: model.ImportOK, NoText: true}}
	sum.DuplicateFiles = []model.ImportResult{{Path: "/home/as/OR/kopie/memo.txt", Status: model.ImportDuplicate, Reason: `staat al in het archief als document 12: "Memo"`}}
	m.Update(importDoneMsg{id: 1, sum: sum})
	golden.Assert(t, "import_summary", m.View())
	press(m, "esc")
	if m.mode != modeList {
		t.Fatal("esc did not close the summary")
	}
}

func TestDocumentView(t *testing.T) {
	st := newStore(t, 5)
	dossier := st.AddDossier(1, "Reorganisatie facilitaire dienst")
	mail := st.ArchiveDocument(model.Document{BodyID: 1, Title: "Adviesaanvraag reorganisatie", Date: model.NewDate(2025, 11, 24), Type: model.DocMail,
		Sender: "Ingrid Bakker <i.bakker@example.nl>", FileName: "adviesaanvraag.eml", Size: 48_213,
		Text: "Van: Ingrid Bakker\nOnderwerp: Adviesaanvraag reorganisatie\n\n" + strings.Repeat("De bestuurder vraagt advies over de voorgenomen reorganisatie van de facilitaire dienst. ", 40)})
	st.ArchiveDocument(model.Document{BodyID: 1, ParentID: mail.ID, Title: "Adviesaanvraag", Date: mail.Date, Type: model.DocBijlage, FileName: "adviesaanvraag.pdf"})
	m := newView(t, st, false)
	press(m, "enter")
	if m.mode != modeDoc || m.doc.ID != mail.ID {
		t.Fatalf("enter opened %d in mode %d", m.doc.ID, m.mode)
	}
	golden.Assert(t, "document", m.View())
	press(m, "o")
	if got := st.OpenedOriginals(); len(got) != 1 || got[0] != mail.ID {
		t.Fatalf("opened %v", got)
	}
	// Link to a dossier through the picker.
	press(m, "D")
	typeText(m, "reorg")
	press(m, "down", "enter")
	if d, _ := st.Document(context.Background(), mail.ID); d.DossierID != dossier.ID {
		t.Fatalf("not linked: %+v", d)
	}
	// Edit the metadata: an empty title is refused at the field.
	press(m, "e")
	golden.Assert(t, "document_edit", m.View())
	for range 40 {
		press(m, "backspace")
	}
	press(m, "ctrl+s")
	if !strings.Contains(m.View(), "titel is verplicht") {
		t.Fatalf("empty title accepted:\n%s", m.View())
	}
	typeText(m, "Adviesaanvraag FD")
	press(m, "ctrl+s")
	if d, _ := st.Document(context.Background(), mail.ID); d.Title != "Adviesaanvraag FD" || m.form != nil {
		t.Fatalf("after edit: %+v", d)
	}
	// Save the original under a path.
	press(m, "s", "enter")
	if got := st.SavedOriginals(); len(got) != 1 || !strings.HasSuffix(got[0], "adviesaanvraag.eml") {
		t.Fatalf("saved %v", got)
	}
	// Delete to the prullenbak after a confirmation.
	press(m, "x")
	if !strings.Contains(m.View(), "naar de prullenbak? j/n") {
		t.Fatal("no confirmation")
	}
	press(m, "j")
	if _, err := st.Document(context.Background(), mail.ID); err == nil || m.mode != modeList {
		t.Fatal("not deleted")
	}
}

// TestFlowImportFolderAndOpen runs the real program: import a folder, close the summary, open the
// document.
func TestFlowImportFolderAndOpen(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notulen-ov.txt"), []byte("Notulen van de overlegvergadering: de OR stemt in met het rooster."), 0o600)
	os.WriteFile(filepath.Join(dir, "leeg.txt"), nil, 0o600)
	st := newStore(t, 0)
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.Open = func(string) error { return nil }
	tm := teatest.NewTestModel(t, wrapper{m}, teatest.WithInitialTermSize(width, height))
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("is nog leeg")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("i")})
	wait("tab vult aan")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(dir), Paste: true})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("bestand is leeg")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	wait("notulen-ov")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("stemt in met het rooster")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(wrapper)
	if final.m.mode != modeDoc || final.m.doc.Title != "notulen-ov" {
		t.Fatalf("final mode %d, document %q", final.m.mode, final.m.doc.Title)
	}
}

// wrapper makes the view a tea.Model for teatest, as the root does, and quits on ctrl+c.
type wrapper struct{ m *Model }

func (w wrapper) Init() tea.Cmd { return w.m.Init() }
func (w wrapper) View() string  { return w.m.View() }
func (w wrapper) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
		return w, tea.Quit
	}
	switch msg := msg.(type) {
	case common.ReloadMsg:
		return w, w.m.reload()
	case tea.WindowSizeMsg:
		w.m.SetSize(msg.Width, msg.Height)
		return w, nil
	}
	m, cmd := w.m.Update(msg)
	return wrapper{m}, cmd
}
