package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bombDOCX writes a DOCX whose document.xml unpacks to size bytes of almost nothing.
func bombDOCX(t testing.TB, size int) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range size >> 20 {
		f.Write(chunk)
	}
	f.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestZipBomb(t *testing.T) {
	size := 300 << 20
	if testing.Short() {
		size = 20 << 20
	}
	data := bombDOCX(t, size)
	_, err := Extract(context.Background(), "bom.docx", data)
	if !errors.Is(err, ErrTooBig) {
		t.Fatalf("got %v", err)
	}
	// A ratio that passes but more bytes than the budget: the reading cap stops it.
	_, err = ExtractWith(context.Background(), "bom.docx", data, Options{MaxRatio: 1 << 40, MaxUnzipped: 1 << 20})
	if !errors.Is(err, ErrTooBig) {
		t.Fatalf("budget: got %v", err)
	}
}

func TestZipBudgetCatchesLyingSize(t *testing.T) {
	// Declared sizes that lie are caught while reading: archive/zip checks them, and the budget
	// reader counts what really comes out.
	data := bombDOCX(t, 2<<20)
	z, err := openZip(data, Options{MaxUnzipped: 1 << 20, MaxRatio: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	f := z.file("word/document.xml")
	f.UncompressedSize64 = 100 // the lie
	rc, err := z.open(f)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, rc)
	if err == nil || n > 1<<20 {
		t.Fatalf("read %d bytes, err %v", n, err)
	}
}

func TestManyAttachments(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1500
	}
	start := time.Now()
	res := extract(t, "veel.eml", manyAttachmentsEML(n))
	if len(res.Attachments) != 1000 || res.SkippedAttachments != n-1000 {
		t.Fatalf("attachments %d, skipped %d", len(res.Attachments), res.SkippedAttachments)
	}
	if a := res.Attachments[999]; a.Name != "stuk-999.txt" || string(a.Data) != "stuk 999" {
		t.Errorf("last attachment %q %q", a.Name, a.Data)
	}
	if want := fmt.Sprintf("nog %d bijlagen niet opgenomen", n-1000); !strings.Contains(res.Text, want) {
		t.Errorf("text does not say %q", want)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestHugeSingleLine(t *testing.T) {
	size := 50 << 20
	if testing.Short() {
		size = 5 << 20
	}
	line := bytes.Repeat([]byte("één woord "), size/len("één woord "))
	opt := Options{MaxText: size} // keep it all, to measure the whole path
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := ExtractWith(context.Background(), "lang.txt", line, opt)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Text) < len(line)-20 || res.Truncated {
		t.Errorf("text %d of %d bytes, truncated %v", len(res.Text), len(line), res.Truncated)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(4*len(line)) {
		t.Errorf("allocated %d MB for %d MB of text", alloc>>20, len(line)>>20)
	}
	// With the default limits a 50 MB line is cut at 20 MB.
	if !testing.Short() {
		res := extract(t, "lang.txt", line)
		if !res.Truncated || len(res.Text) > DefaultOptions().MaxText {
			t.Errorf("default cap: %d bytes, truncated %v", len(res.Text), res.Truncated)
		}
	}
}

func TestHugeHTMLLine(t *testing.T) {
	size := 20 << 20
	if testing.Short() {
		size = 2 << 20
	}
	page := "<p>" + strings.Repeat("café ", size/6) + "</p>"
	res := extract(t, "lang.html", []byte(page))
	if !strings.HasPrefix(res.Text, "café café") {
		t.Errorf("text starts %q", res.Text[:20])
	}
}
