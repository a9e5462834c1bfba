package letter

import (
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// The template syntax is deliberately small: text with named fields in double braces, {{datum_ov}}.
// There are no conditions or loops: a letter the AS signs should read the same in its template.

// segment is a piece of parsed text: literal text, or a field when name is set.
type segment struct {
	text string
	name string
}

// parse splits text into literal text and fields. An unknown or unclosed field is an error with a Dutch
// message naming it and its line, so the AS can find it.
func parse(text string) ([]segment, error) {
	var out []segment
	rest := text
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			if rest != "" {
				out = append(out, segment{text: rest})
			}
			return out, nil
		}
		if i > 0 {
			out = append(out, segment{text: rest[:i]})
		}
		line := strings.Count(text[:len(text)-len(rest)+i], "\n") + 1
		j := strings.Index(rest[i:], "}}")
		if j < 0 || strings.Contains(rest[i:i+j], "\n") {
			return nil, model.Invalid("tekst", fmt.Sprintf("regel %d: veld zonder }} na %q", line, cut(rest[i:], 20)))
		}
		name := strings.TrimSpace(rest[i+2 : i+j])
		if _, ok := fieldIndex[name]; !ok {
			return nil, model.Invalid("tekst", fmt.Sprintf("regel %d: onbekend veld {{%s}}; bekende velden staan in de lijst velden (f)", line, name))
		}
		out = append(out, segment{name: name})
		rest = rest[i+j+2:]
	}
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Check parses text and reports the first unknown or unclosed field.
func Check(text string) error {
	_, err := parse(text)
	return err
}

// Names lists the fields text uses, each once, in order of first use.
func Names(text string) ([]string, error) {
	segs, err := parse(text)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range segs {
		if s.name != "" && !seen[s.name] {
			seen[s.name] = true
			out = append(out, s.name)
		}
	}
	return out, nil
}

// Fill renders text with values: a missing required field becomes a visible marker, a missing optional
// one is left out. missing collects the labels of the marked fields.
func Fill(text string, values map[string]string, missing *[]string) (string, error) {
	segs, err := parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, s := range segs {
		if s.name == "" {
			b.WriteString(s.text)
			continue
		}
		f := fieldIndex[s.name]
		v := f.Value(values[s.name])
		switch {
		case v != "":
			b.WriteString(v)
		case f.Optional:
		default:
			b.WriteString(Marker(f.Label))
			if missing != nil && !contains(*missing, f.Label) {
				*missing = append(*missing, f.Label)
			}
		}
	}
	return b.String(), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
