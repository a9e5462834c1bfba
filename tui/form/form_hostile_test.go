package form

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// The AS types fast and pastes whatever is on the clipboard. Every field refuses at the field, in
// Dutch, what cannot be stored; a form with one such field submits nothing at all.

var long = strings.Repeat("lang ", 2000) // 10,000 characters pasted

func TestValidatorsRefuseAtTheField(t *testing.T) {
	for _, tc := range []struct {
		name     string
		validate func(string) error
		in       string
		want     string // part of the Dutch message; "" when the value is fine
	}{
		{"datum 31-02", Date("datum", false), "31-02-2025", "februari 2025 heeft geen dag 31"},
		{"datum 29-02 schrikkeljaar", Date("datum", false), "29-02-2024", ""},
		{"datum 29-02", Date("datum", false), "29-02-2025", "geen dag 29"},
		{"datum maand 13", Date("datum", false), "2025-13-01", "maand 13 bestaat niet"},
		{"datum teken", Date("datum", false), "2025-+1-05", "geen datum"},
		{"datum leeg verplicht", Date("datum", false), "  ", "datum is verplicht"},
		{"datum leeg optioneel", Date("datum", true), "", ""},
		{"datum plakwerk", Date("datum", true), long, "geen datum"},
		{"tijd 25:00", Clock("begintijd"), "25:00", "bestaat niet: uren 0-23"},
		{"tijd 12:60", Clock("begintijd"), "12:60", "minuten 0-59"},
		{"tijd 24:00", Clock("begintijd"), "24:00", "bestaat niet"},
		{"tijd -0:30", Clock("begintijd"), "-0:30", "geen tijd"},
		{"tijd leeg", Clock("begintijd"), "", "geen tijd"},
		{"tijd 9.05", Clock("begintijd"), "9.05", ""},
		{"verplicht leeg", Required("titel"), " \t ", "titel is verplicht"},
		{"verplicht plakwerk", Required("titel"), long, "titel is te lang (meer dan 200 tekens)"},
		{"verplicht 200", Required("titel"), strings.Repeat("é", 200), ""},
		{"max plakwerk", MaxRunes("notities", MaxLen), long, "te lang (meer dan 2000 tekens)"},
	} {
		err := tc.validate(tc.in)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tc.name, err)
			}
			continue
		}
		var fe *model.FieldError
		if !errors.As(err, &fe) || !strings.Contains(fe.Message, tc.want) {
			t.Errorf("%s: got %v, want a field message with %q", tc.name, err, tc.want)
		}
	}
}

func newForm() *Model {
	m := New(common.Common{Styles: styles.New()}, "test", "Test",
		Text("title", "Titel", "", Required("titel")),
		Text("date", "Datum", "", Date("datum", false)),
		Text("start", "Begin", "13:30", Clock("begintijd")),
		Text("notes", "Notities", "", MaxRunes("notities", MaxLen)),
	)
	m.SetWidth(100)
	return m
}

// send feeds keys and reports a SubmitMsg if one came.
func send(m *Model, msgs ...tea.KeyMsg) (submitted *SubmitMsg) {
	for _, k := range msgs {
		_, cmd := m.Update(k)
		if cmd == nil || k.Type != tea.KeyCtrlS {
			continue // a typed key's command is the cursor's blink timer
		}
		if s, ok := cmd().(SubmitMsg); ok {
			submitted = &s
		}
	}
	return submitted
}

var (
	tab   = tea.KeyMsg{Type: tea.KeyTab}
	save  = tea.KeyMsg{Type: tea.KeyCtrlS}
	clear = tea.KeyMsg{Type: tea.KeyCtrlU}
)

func paste(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }

func TestFormSavesNothingHalf(t *testing.T) {
	for _, tc := range []struct {
		name        string
		title, date string
		start       string
		want        string
	}{
		{"lege titel", "", "2025-11-25", "13:30", "titel is verplicht"},
		{"onmogelijke datum", "OR-vergadering", "31-02-2025", "13:30", "geen dag 31"},
		{"onmogelijke tijd", "OR-vergadering", "2025-11-25", "25:00", "uren 0-23"},
		{"geplakte titel", long, "2025-11-25", "13:30", "te lang"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newForm()
			got := send(m, paste(tc.title), tab, paste(tc.date), tab, clear, paste(tc.start), tab, paste(long), save)
			if got != nil {
				t.Fatalf("submitted %v", got.Values)
			}
			if v := m.View(); !strings.Contains(v, tc.want) {
				t.Errorf("no message %q at the field:\n%s", tc.want, v)
			}
			for _, f := range m.fields {
				if n := len([]rune(f.input.Value())); n > MaxLen {
					t.Errorf("%s holds %d characters, more than %d", f.Key, n, MaxLen)
				}
			}
		})
	}
	// Mended, the same form submits every value at once, each within its limit.
	m := newForm()
	got := send(m, paste("OR-vergadering"), tab, paste("25-11-2025"), tab, tab, paste(long), save)
	if got == nil {
		t.Fatalf("a valid form did not submit:\n%s", m.View())
	}
	if got.Values["title"] != "OR-vergadering" || got.Values["date"] != "25-11-2025" || got.Values["start"] != "13:30" ||
		len([]rune(got.Values["notes"])) > MaxLen || !strings.HasPrefix(got.Values["notes"], "lang lang") {
		t.Errorf("values %q", got.Values)
	}
}
