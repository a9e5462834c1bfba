package store

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// Hostile files go through the import as a user's folder would: each is reported (failed with a Dutch
// reason, or imported with a warning), and the good file after them is imported all the same. The
// files are generated here; under -short they are smaller but the checks stay.

// endlessPDF is a one-page PDF whose content stream unpacks to n bytes of operators that draw nothing:
// a parser walks it for a long time and finds no text.
func endlessPDF(t testing.TB, n int) []byte {
	t.Helper()
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := []byte(strings.Repeat("q 1 0 0 1 0 0 cm Q\n", 1<<14))
	for written := 0; written < n; written += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// bombZip is a .docx whose document.xml unpacks to size bytes.
func bombZip(t testing.TB, size int) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("word/document.xml")
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

func attachmentsMail(n int) []byte {
	var b bytes.Buffer
	b.WriteString("From: a@example.nl\r\nSubject: veel bijlagen\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n")
	b.WriteString("--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlagen.\r\n")
	for i := range n {
		fmt.Fprintf(&b, "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"stuk-%d.txt\"\r\n\r\nstuk %d\r\n", i, i)
	}
	b.WriteString("--b--\r\n")
	return b.Bytes()
}

func TestImportHostileFilesBatchGoesOn(t *testing.T) {
	pdfSize, bomb, mails, line := 1<<30, 300<<20, 10000, 50<<20
	if testing.Short() {
		pdfSize, bomb, mails, line = 8<<20, 30<<20, 1100, 2<<20
	}
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	dir := t.TempDir()
	files := map[string][]byte{
		"1-eindeloos.pdf": endlessPDF(t, pdfSize),
		"2-bom.docx":      bombZip(t, bomb),
		"3-veel.eml":      attachmentsMail(mails),
		"4-lang.txt":      bytes.Repeat([]byte("één woord "), line/len("één woord ")),
		"5-goed.txt":      []byte("Notulen van de OR-vergadering, na alle narigheid."),
	}
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	results := map[string]model.ImportResult{}
	batch, err := s.NewBatch(ctx, model.DocumentMeta{BodyID: b.ID}, func(r model.ImportResult) {
		results[filepath.Base(r.Path)] = r
	})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for _, name := range []string{"1-eindeloos.pdf", "2-bom.docx", "3-veel.eml", "4-lang.txt", "5-goed.txt"} {
		one := time.Now()
		if err := batch.addPath(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s stopped the batch: %v", name, err)
		}
		t.Logf("%s: %v", name, time.Since(one).Round(time.Millisecond))
	}
	if err := batch.Close(); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	for name, r := range results {
		t.Logf("%s: %s %q attachments %d warnings %q", name, r.Status, r.Reason, r.Attachments, r.Warnings)
	}
	if len(results) != 5 {
		t.Fatalf("%d of 5 files reported", len(results))
	}
	// The endless PDF: no text (walked to the end) or stopped by the time limit, reported either way.
	if r := results["1-eindeloos.pdf"]; r.Status == model.ImportFailed && r.Reason == "" || r.Status == model.ImportOK && !r.NoText {
		t.Errorf("endless pdf: %+v", r)
	}
	if r := results["2-bom.docx"]; r.Status != model.ImportFailed || !strings.Contains(r.Reason, "groot") {
		t.Errorf("zip bomb: %+v", r)
	}
	r := results["3-veel.eml"]
	if r.Status != model.ImportOK || r.Attachments != 1000 {
		t.Errorf("mail: %+v", r.Status)
	}
	if want := fmt.Sprintf("%d bijlagen niet opgenomen", mails-1000); !strings.Contains(strings.Join(r.Warnings, "\n"), want) {
		t.Errorf("mail warnings do not say %q", want)
	}
	if r := results["4-lang.txt"]; r.Status != model.ImportOK && !strings.Contains(r.Reason, "groot") {
		t.Errorf("long line: %+v", r)
	}
	if r := results["5-goed.txt"]; r.Status != model.ImportOK {
		t.Errorf("the good file after them: %+v", r)
	}
	// Bounded: the time limit per file (20 s) and the caps, not the size of the input.
	if took > 3*time.Minute {
		t.Errorf("batch took %v", took)
	}
}
