package agenda

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/form"
)

type exportTarget struct{ m model.Meeting }

// exportChoices pairs what the user picks with the format code the store writes.
var exportChoices = []struct{ label, format string }{
	{"agenda als Word (docx)", "docx"},
	{"agenda als PDF", "pdf"},
	{"agenda als Markdown", "md"},
	{"afspraak voor de agenda (ics)", "ics"},
	{"convocatie met stukken (eml)", "eml"},
}

// exportName is the suggested file name, as `werkbank export agenda` would choose it.
func exportName(m model.Meeting, format string, openbaar bool) string {
	prefix := "agenda"
	switch format {
	case "ics":
		prefix = "vergadering"
	case "eml":
		prefix = "convocatie"
	}
	name := prefix + "-" + string(m.Kind) + "-" + m.Date.String()
	if openbaar {
		name += "-openbaar"
	}
	return name + "." + format
}

// exportDir is where an export goes by default: the folder werkbank was started in, which is where a
// user who starts it from a terminal expects files to land.
func exportDir() string {
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}

func (m *Model) exportForm(mt model.Meeting) {
	var labels []string
	for _, c := range exportChoices {
		labels = append(labels, c.label)
	}
	path := filepath.Join(exportDir(), exportName(mt, "docx", false))
	m.open(form.New(m.c, "export", "Exporteren: "+mt.Title(),
		form.Choice("what", "Wat", labels[0], labels).WithHint("←/→ kiezen"),
		form.Choice("version", "Versie", "intern", []string{"intern", "openbaar"}).WithHint("openbaar: vertrouwelijke punten weggelaten"),
		form.Text("path", "Bestand", path, form.Required("bestand")).WithHint("de extensie volgt de keuze"),
	), exportTarget{mt})
}

// fixName makes the file name follow the chosen format and version when the user kept the suggested
// name; a name the user typed keeps its own stem.
func fixName(path, format string, openbaar bool, m model.Meeting) string {
	dir, base := filepath.Split(path)
	for _, f := range []string{"docx", "pdf", "md", "ics", "eml"} {
		for _, ob := range []bool{false, true} {
			if base == exportName(m, f, ob) {
				return filepath.Join(dir, exportName(m, format, openbaar))
			}
		}
	}
	ext := filepath.Ext(base)
	known := map[string]bool{".docx": true, ".pdf": true, ".md": true, ".ics": true, ".eml": true, ".txt": true}
	if known[strings.ToLower(ext)] {
		base = strings.TrimSuffix(base, ext)
	}
	return filepath.Join(dir, base+"."+format)
}

func (m *Model) submitExport(t exportTarget, v map[string]string) tea.Cmd {
	format := "docx"
	for _, c := range exportChoices {
		if c.label == v["what"] {
			format = c.format
		}
	}
	openbaar := v["version"] == "openbaar"
	path := v["path"]
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	path = fixName(path, format, openbaar, t.m)
	st, id := m.st, t.m.ID
	return func() tea.Msg {
		err := st.ExportAgenda(context.Background(), id, format, openbaar, path)
		return savedMsg{text: path + " geschreven", err: err}
	}
}
