package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
)

func sampleMail() Mail {
	pdfBytes := []byte("%PDF-1.4 binary \x00\x01\xff tail")
	return Mail{
		From:     Person{"Anouk de Wit", "as@example.nl"},
		To:       []Person{{"Jan de Vriës", "voorzitter@example.nl"}, {"", "bestuur@example.nl"}},
		Cc:       []Person{{"Ïda Bakker", "ida@example.nl"}},
		Subject:  "Advies over de reorganisatie: één voorstel, €0 kosten",
		TextBody: "Geachte heer Jansen,\n\nBijgaand ons advies over de ideeën.\n" + strings.Repeat("Een lange regel met ë. ", 10) + "\n\nMet vriendelijke groet,\nAnouk",
		HTMLBody: "<p>Geachte heer Jansen,</p><p>Bijgaand ons advies.</p>",
		Attachments: []Attachment{
			{Name: "advies reorganisatie.pdf", ContentType: "application/pdf", Data: pdfBytes},
			{Name: "bijlage één.txt", ContentType: "text/plain", Data: []byte("tekst met ë\r\n")},
			{Name: "zonder-type.bin", Data: []byte{0, 1, 2, 3}},
		},
		Date: time.Date(2025, 4, 14, 10, 0, 0, 0, time.UTC),
	}
}

func TestEMLParsesBack(t *testing.T) {
	m := sampleMail()
	path := filepath.Join(t.TempDir(), "concept.eml")
	if err := WriteFile(path, func(w io.Writer) error { return EML(w, m) }); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		for _, r := range line {
			if r >= 0x80 {
				t.Fatalf("non-ASCII in header line %q", line)
			}
		}
	}

	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := mr.Header.Get("X-Unsent"); got != "1" {
		t.Errorf("X-Unsent = %q", got)
	}
	if got, _ := mr.Header.Subject(); got != m.Subject {
		t.Errorf("subject %q", got)
	}
	to, _ := mr.Header.AddressList("To")
	if len(to) != 2 || to[0].Name != "Jan de Vriës" || to[0].Address != "voorzitter@example.nl" || to[1].Address != "bestuur@example.nl" {
		t.Errorf("to %v", to)
	}
	cc, _ := mr.Header.AddressList("Cc")
	if len(cc) != 1 || cc[0].Name != "Ïda Bakker" {
		t.Errorf("cc %v", cc)
	}
	from, _ := mr.Header.AddressList("From")
	if len(from) != 1 || from[0].Address != "as@example.nl" {
		t.Errorf("from %v", from)
	}
	if d, _ := mr.Header.Date(); !d.Equal(m.Date) {
		t.Errorf("date %v", d)
	}

	var texts []string
	attachments := map[string][]byte{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p.Body)
		switch h := p.Header.(type) {
		case *mail.InlineHeader:
			ct, _, _ := h.ContentType()
			texts = append(texts, ct+": "+string(body))
		case *mail.AttachmentHeader:
			name, err := h.Filename()
			if err != nil {
				t.Errorf("filename: %v", err)
			}
			attachments[name] = body
		}
	}
	wantText := "text/plain: " + strings.ReplaceAll(m.TextBody, "\n", "\r\n")
	if len(texts) != 2 || texts[0] != wantText || texts[1] != "text/html: "+m.HTMLBody {
		t.Errorf("texts %q", texts)
	}
	if len(attachments) != len(m.Attachments) {
		t.Errorf("%d attachments", len(attachments))
	}
	for _, a := range m.Attachments {
		if got, ok := attachments[a.Name]; !ok || !bytes.Equal(got, a.Data) {
			t.Errorf("attachment %q: %q", a.Name, got)
		}
	}
}

func TestEMLTextOnly(t *testing.T) {
	var buf bytes.Buffer
	err := EML(&buf, Mail{To: []Person{{"Zoë", "zoe@example.nl"}}, Subject: "Kort", TextBody: "Hallo"})
	if err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if strings.Contains(s, "Date:") || strings.Contains(s, "From:") || !strings.Contains(s, "X-Unsent: 1\r\n") {
		t.Errorf("headers:\n%s", s)
	}
	if err := EML(&buf, Mail{Subject: "niemand"}); err == nil {
		t.Error("mail without anyone accepted")
	}
}
