package brieven

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

type exportTarget struct {
	id   int64
	name string // the suggested file name for docx
}

var exportFormats = []string{"docx", "pdf", "md", "txt"}

// exportDir is where an export goes by default: the folder werkbank was started in.
func exportDir() string {
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}

func (m *Model) exportForm() tea.Cmd {
	st, id := m.st, m.cur.ID
	name, err := st.LetterFileName(context.Background(), id, "docx")
	if err != nil {
		return common.Error(err)
	}
	m.form = form.New(m.c, "export", "Exporteren: "+m.cur.TemplateName,
		form.Choice("format", "Formaat", "docx", exportFormats).WithHint("←/→ kiezen"),
		form.Text("path", "Bestand", filepath.Join(exportDir(), name), form.Required("bestand")).WithHint("de extensie volgt het formaat"),
	)
	m.form.SetWidth(m.width)
	m.formTarget = exportTarget{id: id, name: name}
	return nil
}

// exportPath gives the path the extension of the chosen format, and expands "~/".
func exportPath(path, format string) string {
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	ext := filepath.Ext(path)
	for _, f := range exportFormats {
		if strings.EqualFold(ext, "."+f) {
			path = strings.TrimSuffix(path, ext)
		}
	}
	return path + "." + format
}

func (m *Model) submit(msg form.SubmitMsg) tea.Cmd {
	switch t := m.formTarget.(type) {
	case exportTarget:
		st, format := m.st, msg.Values["format"]
		path := exportPath(msg.Values["path"], format)
		return write(path+" geschreven", 0, m.mode, func(ctx context.Context) error {
			return st.ExportLetter(ctx, t.id, format, path)
		})
	case fieldTarget:
		return m.saveField(t.name, msg.Values["value"])
	}
	return nil
}
