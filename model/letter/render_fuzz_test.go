package letter

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/model"
)

// The AS edits templates and types field values; a letter is rendered from both. Whatever the text and
// the values, rendering gives a letter or a Dutch message naming the field and its line; never a panic,
// and a value is written as it is, never read as a template itself.

func FuzzRender(f *testing.F) {
	for _, t := range Defaults() {
		f.Add(t.Source, uint8(0), "2025-03-14")
	}
	for _, s := range []string{"", "{{", "}}", "{{}}", "{{ datum_ov }}", "{{onbekend}}", "Betreft: {{onderwerp\n}}",
		"Betreft: x\r\n\r\n{{datum}}", "{{{{datum}}}}", "Bijlagen: a;;b; {{kenmerk}}\nCc: {{x", "{{datum\n}}", "\xff{{datum}}\xfe"} {
		f.Add(s, uint8(8), "{{onbekend}}")
	}
	f.Add("{{aanhef}}", uint8(6), strings.Repeat("x", 10000))
	f.Add("{{datum_ov}}", uint8(17), "31-02-2025")
	f.Fuzz(func(t *testing.T, source string, field uint8, value string) {
		fs := Fields()
		fl := fs[int(field)%len(fs)]
		values := map[string]string{"voorzitter": "{{secretaris}}"}
		values[fl.Name] = value
		r, err := Render(source, values)
		if cerr := Check(source); (cerr == nil) != (err == nil) {
			t.Fatalf("Check %v but Render %v", cerr, err)
		}
		if err != nil {
			var fe *model.FieldError
			if !errors.As(err, &fe) || fe.Field != "tekst" || !strings.HasPrefix(fe.Message, "regel ") || !strings.Contains(fe.Message, "veld") {
				t.Fatalf("not a message naming the field and its line: %#v", err)
			}
			return
		}
		text := r.Text()
		if utf8.ValidString(source) && utf8.ValidString(value) && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", text)
		}
		if fl.Name != "voorzitter" && !strings.Contains(text, "{{secretaris}}") { // the voorzitter's value, kept as typed
			t.Fatalf("a value was read as a template: %q", text)
		}
		// Check the value as a form would: a date field refuses a non-date with its own label.
		v, err := fl.CheckValue(value)
		if err != nil {
			var fe *model.FieldError
			if fl.Kind != KindDate || !errors.As(err, &fe) || fe.Field != fl.Name || !strings.Contains(fe.Message, fl.Label) {
				t.Fatalf("%s: %#v", fl.Name, err)
			}
			return
		}
		if fl.Kind == KindDate && v != "" {
			if _, err := model.ParseDate(v); err != nil {
				t.Fatalf("%s: accepted %q as %q", fl.Name, value, v)
			}
		}
	})
}
