package brieven

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/cmdtest"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	time.Local = time.UTC // saved times in the goldens do not depend on the machine's zone
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

func newView(t *testing.T, st *fakeStore, readOnly bool) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow, ReadOnly: readOnly}, st)
	m.SetSize(100, 24)
	drive(m, m.Init())
	return m
}

// statuses collects the status messages the view sent, as the root would show them.
var statuses []common.StatusMsg

// drive runs a command and feeds its messages back, as the runtime would; timers are not waited for.
func drive(m *Model, cmd tea.Cmd) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if s, ok := msg.(common.StatusMsg); ok {
			statuses = append(statuses, s)
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

func lastStatus() common.StatusMsg {
	if len(statuses) == 0 {
		return common.StatusMsg{}
	}
	return statuses[len(statuses)-1]
}

var keyTypes = map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "down": tea.KeyDown,
	"up": tea.KeyUp, "ctrl+s": tea.KeyCtrlS, "ctrl+u": tea.KeyCtrlU, "ctrl+r": tea.KeyCtrlR, "ctrl+e": tea.KeyCtrlE,
	"backspace": tea.KeyBackspace, "right": tea.KeyRight}

// press sends keys one by one, each followed by the commands it caused.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		if t, ok := keyTypes[k]; ok {
			msg = tea.KeyMsg{Type: t}
		}
		_, cmd := m.Update(msg)
		drive(m, cmd)
	}
}

// typeText types into the focused input in one message, as a paste would.
func typeText(m *Model, s string) {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	drive(m, cmd)
}

// draft starts an adviesbrief negatief for the reorganisation dossier through the pickers.
func draft(t *testing.T, m *Model) {
	t.Helper()
	press(m, "n", "down", "down", "enter")
	if m.chosen.Code != "adviesbrief-negatief" || m.mode != modeDossiers {
		t.Fatalf("chose %q in mode %d", m.chosen.Code, m.mode)
	}
	press(m, "enter")
	if m.mode != modeLetter || m.cur.DossierTitle != "Reorganisatie facilitaire dienst" || len(m.versions) != 1 {
		t.Fatalf("letter not open: mode %d %+v", m.mode, m.cur)
	}
}

func TestGoldenTemplatePicker(t *testing.T) {
	m := newView(t, newFake(), false)
	press(m, "n", "down", "down")
	golden.Assert(t, "template_picker", m.View())
	v := m.View()
	for _, want := range []string{"Adviesbrief (negatief)", "art 25 WOR", "wat erin moet", "elk bezwaar met zijn redenen", "regeling WOR"} {
		if !strings.Contains(v, want) {
			t.Errorf("picker lacks %q", want)
		}
	}
	press(m, "enter")
	golden.Assert(t, "dossier_picker", m.View())
	if rows := m.dossierRows(); rows[0].label != "Reorganisatie facilitaire dienst  ·  adviesaanvraag" || rows[len(rows)-1].id != 0 {
		t.Errorf("dossier order %+v", rows)
	}
}

func TestGoldenLetterAndEditor(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	draft(t, m)
	golden.Assert(t, "letter", m.View())
	v := m.View()
	for _, want := range []string{"Adviesbrief (negatief) · dossier Reorganisatie facilitaire dienst", "concept · versie 1",
		"Tiel, 25 november 2025", "Geachte mevrouw Bakker,", "[nog invullen: uw kenmerk]", "9 open velden",
		"ctrl+e bewerken in $EDITOR", "s verzonden"} {
		if !strings.Contains(v, want) {
			t.Errorf("letter screen lacks %q", want)
		}
	}
	press(m, "e")
	if !m.Capturing() || m.mode != modeEdit {
		t.Fatal("editor not open")
	}
	golden.Assert(t, "editor", m.View())
}

func TestEditSavesVersionsAndDiff(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	draft(t, m)
	press(m, "e")
	typeText(m, "Aanvulling van de raad.\n\n")
	if !m.Unsaved() {
		t.Fatal("typed text not unsaved")
	}
	press(m, "ctrl+s")
	if m.mode != modeLetter || len(m.versions) != 2 || !strings.HasPrefix(m.latest().Source, "Aanvulling van de raad.") {
		t.Fatalf("not saved: mode %d, %d versions", m.mode, len(m.versions))
	}
	// The Betreft line moved below the text, so it is body text now: the diff shows it.
	press(m, "v")
	golden.Assert(t, "versions", m.View())
	press(m, "c")
	if m.mode != modeText || !strings.Contains(m.text.title, "Versie 1 → 2") {
		t.Fatalf("no diff: %q", m.text.title)
	}
	if !strings.Contains(strings.Join(m.text.lines, "\n"), "+ ") {
		t.Errorf("diff without additions:\n%s", strings.Join(m.text.lines, "\n"))
	}
	press(m, "esc", "down", "t")
	if len(m.versions) != 3 || m.latest().Source != st.versions[m.cur.ID][0].Source {
		t.Fatalf("restore: %d versions", len(m.versions))
	}
	// Compare a marked version with another.
	press(m, "up", "up", "m", "down", "down", "c")
	if !strings.Contains(m.text.title, "Versie 1 → 3") || !strings.Contains(m.text.lines[0], "geen verschil") {
		t.Errorf("marked compare: %q %q", m.text.title, m.text.lines[0])
	}
}

func TestFieldsAndStatus(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	draft(t, m)
	press(m, "s")
	if m.confirm != nil || !lastStatus().Err || !strings.Contains(lastStatus().Text, "open velden") {
		t.Fatalf("sent with markers: %+v", lastStatus())
	}
	press(m, "f")
	if m.mode != modeFields || m.fieldNames[0] != "sub" || m.fieldNames[1] != "uw_kenmerk" {
		t.Fatalf("fields %v", m.fieldNames)
	}
	// Fill every open field through the form; a wrong date is refused at the field.
	for range 20 {
		f, _ := letter.Lookup(m.fieldNames[0])
		if m.latest().Fields[f.Name] != "" {
			break
		}
		press(m, "enter")
		if f.Kind == letter.KindDate {
			typeText(m, "31-02-2025")
			press(m, "enter")
			if m.form == nil || !strings.Contains(m.form.View(), "geen geldige datum") {
				t.Fatalf("bad date accepted for %s", f.Name)
			}
			press(m, "ctrl+u")
			typeText(m, "21-10-2025")
		} else {
			typeText(m, "ingevuld "+f.Label)
		}
		press(m, "enter")
	}
	if n := m.rendered.Markers(); n != 0 {
		t.Fatalf("%d markers left: %v", n, m.rendered.Missing)
	}
	press(m, "esc", "o")
	if m.cur.Status != letter.StatusSigning {
		t.Fatalf("status %s", m.cur.Status)
	}
	press(m, "e")
	if m.mode == modeEdit || !strings.Contains(lastStatus().Text, "heropenen") {
		t.Error("edited a letter ter ondertekening")
	}
	press(m, "s")
	if m.confirm == nil || !strings.Contains(m.View(), "Brief als verzonden markeren op 25 november 2025?") {
		t.Fatalf("no confirmation:\n%s", m.View())
	}
	press(m, "j")
	if m.cur.Status != letter.StatusSent || len(st.sent) != 1 || !strings.Contains(m.View(), "verzonden op 25 november 2025 en gearchiveerd") {
		t.Fatalf("not sent: %s %v", m.cur.Status, st.sent)
	}
	n := len(m.versions)
	press(m, "r", "j")
	if m.cur.Status != letter.StatusConcept || len(m.versions) != n+1 {
		t.Errorf("reopen: %s, %d versions", m.cur.Status, len(m.versions))
	}
}

func TestTemplateWithUnknownFieldKeepsText(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	press(m, "n", "e")
	if m.mode != modeEdit || m.editing.template == nil {
		t.Fatal("template editor not open")
	}
	typeText(m, "Zie {{kostenplaats}}.\n")
	press(m, "ctrl+s")
	if m.mode != modeEdit || !strings.Contains(m.editErr, "onbekend veld {{kostenplaats}}") || !strings.Contains(m.View(), "✗ regel 1") {
		t.Fatalf("unknown field: mode %d, %q", m.mode, m.editErr)
	}
	if !strings.HasPrefix(m.editor.Value(), "Zie {{kostenplaats}}.") {
		t.Error("typed text lost")
	}
	for range len([]rune("Zie {{kostenplaats}}.\n")) {
		press(m, "backspace")
	}
	press(m, "ctrl+s")
	if m.mode != modeTemplates || !m.templates[0].Custom || !strings.HasPrefix(m.templates[0].Source, "Betreft: ontvangstbevestiging") {
		t.Fatalf("template not saved: %q", m.editErr)
	}
	press(m, "R", "j")
	if m.templates[0].Custom {
		t.Error("default not restored")
	}
}

func TestExternalEditor(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	draft(t, m)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlE})
	if cmd == nil {
		t.Fatal("no editor command")
	}
	path := writeEditFile(t, m)
	ed := &externalEdit{path: path, letterID: m.cur.ID, base: 1, fields: m.latest().Fields, written: m.latest().Source}

	// An editor that fails: nothing saved, the file kept, a Dutch message.
	os.WriteFile(path, []byte(ed.written+"\nhalf werk"), 0o600)
	drive(m, func() tea.Msg { return editorDoneMsg{edit: ed, err: exitError(t)} })
	if len(m.versions) != 1 || !lastStatus().Err || !strings.Contains(lastStatus().Text, "afgesloten met code 3") ||
		!strings.Contains(lastStatus().Text, "niets opgeslagen") {
		t.Fatalf("failed editor: %d versions, %+v", len(m.versions), lastStatus())
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("file of a failed editor removed")
	}

	// A GUI editor that returns at once: the file is unchanged, kept, and read later with ctrl+r.
	os.WriteFile(path, []byte(ed.written), 0o600)
	drive(m, func() tea.Msg { return editorDoneMsg{edit: ed} })
	if len(m.versions) != 1 || !strings.Contains(lastStatus().Text, "zonder --wait") || m.external == nil {
		t.Fatalf("gui editor: %+v", lastStatus())
	}
	if !strings.Contains(m.View(), "ctrl+r editorbestand inlezen") {
		t.Error("footer does not offer ctrl+r")
	}
	os.WriteFile(path, []byte(ed.written+"\n\nLater opgeslagen in de editor."), 0o600)
	press(m, "ctrl+r")
	if len(m.versions) != 2 || !strings.Contains(m.latest().Source, "Later opgeslagen") || m.external != nil {
		t.Fatalf("reread: %d versions", len(m.versions))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("file kept after it was saved")
	}
}

func writeEditFile(t *testing.T, m *Model) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.txt")
	if err := os.WriteFile(path, []byte(m.latest().Source), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func exitError(t *testing.T) error {
	t.Helper()
	err := exec.Command("sh", "-c", "exit 3").Run()
	if err == nil {
		t.Fatal("sh exited 0")
	}
	return err
}

func TestEditorCommand(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "vi -n")
	cmd, err := editorCommand("/tmp/x.txt")
	if err != nil || filepath.Base(cmd.Path) != "vi" && cmd.Args[0] != "vi" || cmd.Args[len(cmd.Args)-1] != "/tmp/x.txt" {
		t.Errorf("EDITOR: %v %v", cmd.Args, err)
	}
	t.Setenv("VISUAL", "code --wait")
	cmd, _ = editorCommand("/tmp/x.txt")
	if strings.Join(cmd.Args, " ") != "code --wait /tmp/x.txt" {
		t.Errorf("VISUAL: %v", cmd.Args)
	}
}

func TestExportIntoMissingFolder(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	draft(t, m)
	press(m, "x")
	if m.form == nil {
		t.Fatal("no export prompt")
	}
	dir := t.TempDir()
	press(m, "tab", "ctrl+u")
	typeText(m, filepath.Join(dir, "weg", "brief.docx"))
	press(m, "enter")
	if m.form == nil || !strings.Contains(m.form.View(), "map bestaat niet") {
		t.Fatalf("missing folder: form %v", m.form != nil)
	}
	press(m, "ctrl+u")
	typeText(m, filepath.Join(dir, "brief"))
	press(m, "enter")
	if m.form != nil || len(st.exports) != 1 || st.exports[0] != "docx "+filepath.Join(dir, "brief.docx") {
		t.Fatalf("exports %v", st.exports)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files %v", entries)
	}
	if len(m.versions) != 1 {
		t.Error("export changed the versions")
	}
}

func TestReadOnlyAndNullityWarning(t *testing.T) {
	st := newFake()
	st.dossiers = append(st.dossiers, st.dossiers[1])
	m := newView(t, st, false)
	press(m, "n")
	for m.templates[m.tplCur.Index].Code != "beroep-op-nietigheid" {
		press(m, "down")
	}
	d, _ := letter.NullityDeadline(testDate("2025-10-20"), testDate(""), termijnCal)
	st.nullities[8] = d
	press(m, "enter")
	for m.dossierRows()[m.dosCur.Index].id != 8 {
		press(m, "down")
	}
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "nietigheid inroepen uiterlijk do 20 nov 2025") || !strings.Contains(v, "te laat") {
		t.Errorf("no nullity warning:\n%s", v)
	}
	ro := newView(t, st, true)
	press(ro, "n")
	if ro.mode != modeList {
		t.Error("new letter while read-only")
	}
	press(ro, "enter", "e")
	if ro.mode == modeEdit {
		t.Error("edit while read-only")
	}
	if strings.Contains(ro.View(), "s verzonden") {
		t.Error("write keys offered read-only")
	}
}

func TestListAfterDelete(t *testing.T) {
	st := newFake()
	m := newView(t, st, false)
	golden.Assert(t, "empty_list", m.View())
	draft(t, m)
	press(m, "esc")
	if m.mode != modeList || m.list.Total != 1 {
		t.Fatalf("list: %d", m.list.Total)
	}
	golden.Assert(t, "list", m.View())
	press(m, "D", "j")
	if m.list.Total != 0 {
		t.Error("not deleted")
	}
}

func testDate(s string) model.Date {
	if s == "" {
		return model.Date{}
	}
	return model.MustDate(s)
}

var termijnCal = termijn.Calendar{}
