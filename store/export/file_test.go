package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteFileSuccess(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lijst.md")
	if err := os.WriteFile(path, []byte("oud"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "nieuw"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "nieuw" {
		t.Errorf("content %q", got)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
	onlyFiles(t, dir, "lijst.md")
}

func TestWriteFileMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bestaat-niet", "lijst.md")
	err := WriteFile(path, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "map bestaat niet: ") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("file created")
	}
	onlyFiles(t, dir)
}

func TestWriteFileFailureHalfway(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lijst.pdf")
	os.WriteFile(path, []byte("oud"), 0o600)
	boom := errors.New("kapot")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half geschreven")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "oud" {
		t.Errorf("old file changed to %q", got)
	}
	onlyFiles(t, dir, "lijst.pdf")

	// A new file that fails leaves nothing at all.
	path2 := filepath.Join(dir, "nieuw.pdf")
	WriteFile(path2, func(w io.Writer) error { return boom })
	onlyFiles(t, dir, "lijst.pdf")
}

func TestWriteFileUnwritableDirectory(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions are not enforced here")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	err := WriteFile(filepath.Join(dir, "x.txt"), func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "kan niet schrijven in ") {
		t.Fatalf("err = %v", err)
	}
}

// onlyFiles fails unless dir holds exactly names: no temporary files left behind.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %q, want %q", got, names)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"md": FormatMarkdown, "Markdown": FormatMarkdown, ".PDF": FormatPDF,
		" docx ": FormatDOCX, "txt": FormatText, "tekst": FormatText} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("odt"); err == nil || !strings.Contains(err.Error(), `onbekend formaat "odt"`) {
		t.Errorf("err = %v", err)
	}
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "x.odt"), Format("odt"), sampleDoc()); err == nil {
		t.Error("unknown format written")
	}
	onlyFiles(t, dir)
}

func TestWriteEveryFormat(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Formats {
		path := filepath.Join(dir, "lijst"+f.Ext())
		if err := Write(path, f, sampleDoc()); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		data, _ := os.ReadFile(path)
		if len(data) == 0 {
			t.Errorf("%s: empty", f)
		}
	}
}
