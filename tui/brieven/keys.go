package brieven

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// KeyMap holds the keys of the Brieven view. None collides with the global keys (1-6, tab, q, ?, ",", P,
// O, ctrl+c, ctrl+z); the textarea's own keys only act while it is open, and it closes with ctrl+s or
// esc.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Open, Back key.Binding
	Top, Bottom                            key.Binding
	New, Delete                            key.Binding
	Edit, External, Reread, Fields         key.Binding
	Preview, Versions, Export              key.Binding
	Signing, Sent, Reopen                  key.Binding
	Save                                   key.Binding
	Mark, Compare, Restore                 key.Binding
	EditTemplate, ResetTemplate            key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:            key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:          key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		PageUp:        key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina omhoog")),
		PageDown:      key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "pagina omlaag")),
		Top:           key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "begin")),
		Bottom:        key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "eind")),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "openen")),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
		New:           key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "nieuwe brief")),
		Delete:        key.NewBinding(key.WithKeys("D", "delete"), key.WithHelp("D", "naar prullenbak")),
		Edit:          key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "bewerken")),
		External:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "bewerken in $EDITOR")),
		Reread:        key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "editorbestand inlezen")),
		Fields:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "velden")),
		Preview:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "voorbeeld")),
		Versions:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "versies")),
		Export:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "exporteren")),
		Signing:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "ter ondertekening")),
		Sent:          key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "verzonden")),
		Reopen:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "heropenen")),
		Save:          key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "opslaan")),
		Mark:          key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "markeren")),
		Compare:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "vergelijken")),
		Restore:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "terugzetten")),
		EditTemplate:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "sjabloon bewerken")),
		ResetTemplate: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "standaard terugzetten")),
	}
	for _, b := range []*key.Binding{&k.New, &k.Delete, &k.Edit, &k.External, &k.Reread, &k.Fields, &k.Signing, &k.Sent,
		&k.Reopen, &k.Save, &k.Restore, &k.EditTemplate, &k.ResetTemplate} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp is the footer for the current screen.
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	k := m.keys
	switch {
	case m.confirm != nil:
		return nil
	case m.mode == modeTemplates:
		return []key.Binding{k.Open, k.EditTemplate, k.ResetTemplate, k.Back}
	case m.mode == modeDossiers:
		return []key.Binding{k.Open, k.Back}
	case m.mode == modeLetter:
		return m.letterHelp()
	case m.mode == modeEdit:
		return []key.Binding{k.Save, k.Back}
	case m.mode == modeFields:
		return []key.Binding{k.Open, k.Back}
	case m.mode == modeVersions:
		return []key.Binding{k.Open, k.Mark, k.Compare, k.Restore, k.Back}
	case m.mode == modeText:
		return []key.Binding{k.Down, k.PageDown, k.Back}
	}
	return []key.Binding{k.Open, k.New, k.Delete}
}

// letterHelp offers what the letter's status allows.
func (m *Model) letterHelp() []key.Binding {
	k := m.keys
	if m.cur.Locked() {
		return []key.Binding{k.Reopen, k.Versions, k.Export, k.Back}
	}
	return []key.Binding{k.Edit, k.Fields, k.Signing, k.Back}
}

// FullHelp lists every key of the current screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch m.mode {
	case modeTemplates:
		return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.EditTemplate, k.ResetTemplate, k.Back}}
	case modeLetter:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Edit, k.External, k.Reread, k.Fields},
			{k.Preview, k.Versions, k.Export}, {k.Signing, k.Sent, k.Reopen, k.Delete, k.Back}}
	case modeVersions:
		return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Mark, k.Compare, k.Restore, k.Back}}
	case modeEdit:
		return [][]key.Binding{{k.Save, k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}, {k.New, k.Delete}}
}

// list is the keys that move the cursor of the list of letters.
func (k KeyMap) list() common.ListKeys {
	return common.ListKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
}
