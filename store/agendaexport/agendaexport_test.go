package agendaexport

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/emersion/go-message/mail"
	"github.com/ledongthuc/pdf"
	"github.com/werkbank-nl/werkbank/model"
)

const secret = "Reorganisatie facilitaire dienst Zoë"

var stamp = time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)

// sample is an OR meeting with a confidential item (active imposition), an item whose imposition was
// released (public again) and documents, one of them confidential on a public item.
func sample() Input {
	m := model.Meeting{ID: 42, BodyID: 1, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"), Start: 13*60 + 30, End: 16 * 60,
		Location: "Vergaderzaal 2", Chair: "Anneke Smit", Status: model.MeetingConcept}
	titles := []string{"Opening en vaststellen agenda", "Verslag OR-vergadering 4 november", "Ingekomen stukken en mededelingen",
		secret, "Evaluatie thuiswerkregeling", "Cameratoezicht parkeerplaats", "Rondvraag", "Sluiting"}
	var items []model.AgendaItem
	for i, t := range titles {
		items = append(items, model.AgendaItem{ID: int64(i + 1), MeetingID: 42, Position: i + 1, Title: t, Minutes: 10 + 5*i,
			Purpose: model.PurposeBespreking})
	}
	items[3].ImpositionID, items[3].Purpose, items[3].Presenter, items[3].Explain = 7, model.PurposeAdvies, "Sanne", "Geheime toelichting"
	items[5].ImpositionID = 8
	return Input{
		Body:    model.Body{ID: 1, Name: "OR Zorggroep Rivierenland"},
		Meeting: m,
		Items:   items,
		Impositions: map[int64]model.Imposition{
			7: {ID: 7, ImposedBy: "Ingrid Bakker", From: model.MustDate("2025-11-01")},
			8: {ID: 8, ImposedBy: "Ingrid Bakker", Until: model.MustDate("2025-06-01"), Released: model.MustDate("2025-07-01")},
			9: {ID: 9, ImposedBy: "Ingrid Bakker"},
		},
		Documents: map[int64][]model.AttachedDocument{
			4: {{ID: 100, Title: "Adviesaanvraag geheim", FileName: "adviesaanvraag.pdf"}},
			5: {{ID: 101, Title: "Evaluatie thuiswerken", FileName: "evaluatie.docx"}, {ID: 102, Title: "Cijfers verzuim geheim", FileName: "verzuim.xlsx", ImpositionID: 9}},
		},
		Members:    []model.Member{{Name: "Anneke Smit", Email: "anneke@example.nl"}, {Name: "Jeroen Brouwer", Email: "jeroen@example.nl"}, {Name: "Zonder Mail"}},
		Bestuurder: model.Bestuurder{Name: "Ingrid Bakker", Email: "ingrid@example.nl"},
		Today:      model.MustDate("2025-11-25"),
	}
}

func data(id int64) ([]byte, error) {
	return []byte{byte(id), 0, 0xff, 'x'}, nil
}

func write(t *testing.T, format string, openbaar bool) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName(sample().Meeting, format, openbaar))
	if err := Write(path, format, sample(), openbaar, stamp, data); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, raw
}

func zipParts(t *testing.T, raw []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}

func inOrder(t *testing.T, s string, want ...string) {
	t.Helper()
	rest := s
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("%q missing or out of order", w)
		}
		rest = rest[i+len(w):]
	}
}

func TestDOCXHoldsEveryTitleInOrder(t *testing.T) {
	_, raw := write(t, "docx", false)
	doc := zipParts(t, raw)["word/document.xml"]
	if doc == "" {
		t.Fatal("no word/document.xml")
	}
	var titles []string
	for _, it := range sample().Items {
		titles = append(titles, xmlEscape(it.Title))
	}
	inOrder(t, doc, titles...)
	if !strings.Contains(doc, "[V]") || !strings.Contains(doc, "Geheime toelichting") {
		t.Fatal("internal version lacks the confidential item's mark or explanation")
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// The public version holds no confidential title, explanation or document title in any part of any file.
func TestOpenbaarLeaksNothing(t *testing.T) {
	leaks := []string{secret, "Reorganisatie", "Geheime toelichting", "Adviesaanvraag geheim", "Cijfers verzuim", "Sanne"}
	check := func(where, s string) {
		t.Helper()
		for _, l := range leaks {
			if strings.Contains(s, l) {
				t.Errorf("%s holds %q", where, l)
			}
		}
	}
	_, raw := write(t, "docx", true)
	parts := zipParts(t, raw)
	for name, p := range parts {
		check("docx "+name, p)
	}
	inOrder(t, parts["word/document.xml"], "Ingekomen stukken", Withheld, "Evaluatie thuiswerkregeling", "Cameratoezicht parkeerplaats")
	for _, f := range []string{"md", "txt", "ics"} {
		_, raw := write(t, f, true)
		check(f, string(raw))
		if f != "ics" && !strings.Contains(string(raw), Withheld) {
			t.Errorf("%s lacks the placeholder", f)
		}
	}
	path, raw := write(t, "pdf", true)
	check("pdf bytes", string(raw))
	check("pdf text", pdfText(t, path))
	_, raw = write(t, "eml", true)
	check("eml", decodedMail(t, raw))
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	f, r, err := pdf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		s, err := p.GetPlainText(nil)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(s)
	}
	return b.String()
}

func TestPDFHasTitles(t *testing.T) {
	path, raw := write(t, "pdf", false)
	if !bytes.HasPrefix(raw, []byte("%PDF")) {
		t.Fatalf("starts with %q", raw[:8])
	}
	text := pdfText(t, path)
	for _, it := range sample().Items {
		if !strings.Contains(text, it.Title) {
			t.Errorf("pdf text lacks %q", it.Title)
		}
	}
}

func TestICSParsesBack(t *testing.T) {
	_, raw := write(t, "ics", false)
	cal, err := ics.ParseCalendar(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	loc, _ := time.LoadLocation("Europe/Amsterdam")
	start, err1 := evs[0].GetStartAt()
	end, err2 := evs[0].GetEndAt()
	if err1 != nil || err2 != nil || !start.Equal(time.Date(2025, 12, 2, 13, 30, 0, 0, loc)) || !end.Equal(time.Date(2025, 12, 2, 16, 0, 0, 0, loc)) {
		t.Fatalf("start %v end %v (%v %v)", start, end, err1, err2)
	}
	desc := ics.FromText(evs[0].GetProperty(ics.ComponentPropertyDescription).Value)
	if !strings.Contains(desc, "Evaluatie thuiswerkregeling") {
		t.Fatalf("description %q", desc)
	}
	if n := len(evs[0].Attendees()); n != 3 {
		t.Fatalf("%d attendees, want two members with an address and the bestuurder", n)
	}
}

// decodedMail returns the decoded text of every part, for leak checks.
func decodedMail(t *testing.T, raw []byte) string {
	t.Helper()
	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p.Body)
		if h, ok := p.Header.(*mail.AttachmentHeader); ok {
			name, _ := h.Filename()
			b.WriteString("[bijlage " + name + "]")
		}
		b.Write(body)
	}
	return b.String()
}

func TestEMLCarriesAgendaAndAttachments(t *testing.T) {
	_, raw := write(t, "eml", false)
	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if mr.Header.Get("X-Unsent") != "1" {
		t.Error("not marked unsent")
	}
	to, _ := mr.Header.AddressList("To")
	if len(to) != 3 || to[2].Address != "ingrid@example.nl" {
		t.Errorf("to %v", to)
	}
	var text string
	files := map[string][]byte{}
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
			text += string(body)
		case *mail.AttachmentHeader:
			name, _ := h.Filename()
			files[name] = body
		}
	}
	for _, it := range sample().Items {
		if !strings.Contains(text, it.Title) {
			t.Errorf("body lacks %q", it.Title)
		}
	}
	want := map[string]int64{"adviesaanvraag.pdf": 100, "evaluatie.docx": 101, "verzuim.xlsx": 102}
	if len(files) != len(want) {
		t.Fatalf("attachments %v", files)
	}
	for name, id := range want {
		if exp, _ := data(id); !bytes.Equal(files[name], exp) {
			t.Errorf("%s: %v", name, files[name])
		}
	}
}

func TestNoAttachmentsIsFine(t *testing.T) {
	in := sample()
	in.Documents = nil
	path := filepath.Join(t.TempDir(), "c.eml")
	if err := Write(path, "eml", in, false, stamp, func(int64) ([]byte, error) { return nil, errors.New("not called") }); err != nil {
		t.Fatal(err)
	}
}

func TestBadPathsLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		filepath.Join(dir, "bestaat-niet", "a.pdf"): "bestaat niet",
		dir:                       "is een map",
		"":                        "bestandsnaam",
		filepath.Join(dir, "a.x"): "",
	}
	for path, want := range cases {
		format := "pdf"
		if want == "" {
			format, want = "odt", "onbekend formaat"
		}
		err := Write(path, format, sample(), false, stamp, data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", path, err, want)
		}
	}
	if runtime.GOOS != "windows" && os.Getuid() != 0 {
		ro := filepath.Join(dir, "alleen-lezen")
		os.Mkdir(ro, 0o500)
		err := Write(filepath.Join(ro, "a.docx"), "docx", sample(), false, stamp, data)
		if err == nil || !strings.Contains(err.Error(), "mag u niet schrijven") {
			t.Errorf("unwritable dir: %v", err)
		}
	}
	// A failing attachment read leaves no file and no temporary file.
	path := filepath.Join(dir, "c.eml")
	err := Write(path, "eml", sample(), false, stamp, func(int64) ([]byte, error) { return nil, errors.New("kapot") })
	if err == nil {
		t.Fatal("no error")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "alleen-lezen" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestFormatsAndNames(t *testing.T) {
	for in, want := range map[string]string{"PDF": "pdf", ".docx": "docx", "markdown": "md", "ical": "ics", "mail": "eml"} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("%s: %s %v", in, got, err)
		}
	}
	if got := FileName(sample().Meeting, "pdf", true); got != "agenda-or-vergadering-2025-12-02-openbaar.pdf" {
		t.Errorf("name %s", got)
	}
}
