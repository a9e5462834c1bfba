package archief

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
)

// openInViewer hands a file to the system's viewer and does not wait for it: the viewer is a window of
// its own. The process is reaped in the background so no zombie is left.
func openInViewer(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("cmd", "/c", "start", "", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("kan de standaardviewer niet starten (%s): %w", cmd.Path, err)
	}
	go cmd.Wait()
	return nil
}

// openOriginal writes the original to a private temporary file (removed when werkbank exits) and
// opens it in the system viewer.
func (m *Model) openOriginal(d model.Document) tea.Cmd {
	st, open := m.st, m.Open
	return func() tea.Msg {
		path, err := st.OriginalTempFile(context.Background(), d.ID)
		if err != nil {
			return doneMsg{err: err}
		}
		if err := open(path); err != nil {
			os.Remove(path) // no viewer has it: the private copy need not wait for the exit
			return doneMsg{err: err}
		}
		return doneMsg{text: "Geopend in de standaardviewer: " + d.FileName}
	}
}
