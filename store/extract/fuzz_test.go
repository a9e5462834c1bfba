package extract

import (
	"context"
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

// Every extractor gets a fuzz test whose seeds are the generated test files; `go test` runs the
// seeds, `go test -fuzz FuzzPDF` explores. Whatever the input, Extract must return either a result
// with valid UTF-8 text or one of the package's errors, and never hang or crash.

var sentinels = []error{ErrCorrupt, ErrEncrypted, ErrEmpty, ErrMismatch, ErrUnsupported, ErrTimeout, ErrTooBig}

func fuzzExtract(t *testing.T, name string, data []byte) {
	opt := Options{Timeout: 5 * time.Second, MaxUnzipped: 8 << 20, MaxText: 1 << 20, MaxAttachments: 50}
	res, err := ExtractWith(context.Background(), name, data, opt)
	if err != nil {
		for _, s := range sentinels {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error outside the sentinels: %v", err)
	}
	for _, s := range []string{res.Text, res.Title, res.Author, res.Sender} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
	}
	if len(res.Attachments) > opt.MaxAttachments {
		t.Fatalf("%d attachments", len(res.Attachments))
	}
}

func FuzzPDF(f *testing.F) {
	f.Add(fpdfPDF(f, "Notulen van de OR", dutch))
	f.Add(handPDF("Agenda OR", dutch))
	f.Add(scanPDF(f))
	f.Add(protectedPDF(f, "geheim"))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzExtract(t, "f.pdf", data) })
}

func FuzzDOCX(f *testing.F) {
	f.Add(makeDOCX(f))
	f.Add(makeZip(f, zipEntry{name: "word/document.xml", data: "<w:p><w:t>a"}))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzExtract(t, "f.docx", data) })
}

func FuzzODT(f *testing.F) {
	f.Add(makeODT(f))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzExtract(t, "f.odt", data) })
}

func FuzzTXT(f *testing.F) {
	f.Add([]byte(dutch))
	f.Add([]byte("\xef\xbb\xbfa\r\nb"))
	f.Add([]byte("\xff\xfea\x00b\x00"))
	f.Add([]byte("caf\xe9 \x80"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzExtract(t, "f.txt", data)
		fuzzExtract(t, "f.md", data)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(htmlPage))
	f.Add([]byte("<head><title>x<body><script>a</scr"))
	f.Add([]byte("<pre>a\n b</pre><br><br>c"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzExtract(t, "f.html", data) })
}

func FuzzEML(f *testing.F) {
	f.Add(makeEML(f, handPDF("Advies")))
	f.Add(manyAttachmentsEML(3))
	f.Add([]byte("Subject: =?utf-8?q?caf=C3=A9?=\r\n\r\nbody"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a--"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzExtract(t, "f.eml", data) })
}
