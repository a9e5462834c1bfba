// Package golden compares rendered screens with files in testdata. Run `go test ./tui/... -update` to
// rewrite them after an intended change; only packages that import this one know the flag.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	// teatest defines the -update flag itself; importing it first lets both share the one flag.
	_ "github.com/charmbracelet/x/exp/teatest"
)

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Assert compares the ANSI-stripped screen with testdata/<name>.golden.
func Assert(t *testing.T, name, screen string) {
	t.Helper()
	got := Strip(screen)
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file %s (run go test -update): %v", path, err)
	}
	if got != string(want) {
		t.Errorf("screen %s differs from golden file\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// Strip removes ANSI sequences and trailing spaces per line.
func Strip(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
