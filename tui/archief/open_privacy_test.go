package archief

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// realOriginals writes the original to a real private file, as the store does.
type realOriginals struct {
	*fake.Store
	dir string
}

func (s realOriginals) OriginalTempFile(ctx context.Context, id int64) (string, error) {
	p := filepath.Join(s.dir, "origineel.pdf")
	return p, os.WriteFile(p, []byte("vertrouwelijk"), 0o600)
}

// TestOriginalRemovedWhenViewerFails: a viewer that cannot start leaves no copy of the original behind
// until werkbank exits; the error is reported.
func TestOriginalRemovedWhenViewerFails(t *testing.T) {
	st := realOriginals{newStore(t, 3), t.TempDir()}
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.Open = func(string) error { return errors.New("kan de standaardviewer niet starten (xdg-open): not found") }
	m.SetSize(width, height)
	drive(m, m.Init())
	msg := m.openOriginal(m.page[0])()
	if d, ok := msg.(doneMsg); !ok || d.err == nil || !strings.Contains(d.err.Error(), "standaardviewer") {
		t.Fatalf("no error reported: %#v", msg)
	}
	if left, _ := os.ReadDir(st.dir); len(left) != 0 {
		t.Fatalf("the original is left behind: %v", left)
	}
}
