package letter

import (
	"regexp"
	"strings"
)

// Parts are the header lines a letter's source may set before its body. The rest of the layout (sender,
// addressee, place and date, kenmerk, salutation, closing, signatures) follows letters.md and is filled
// from the fields.
type Parts struct {
	Subject        string   // Betreft
	TheirReference string   // Uw kenmerk
	Enclosures     []string // Bijlagen
	Cc             []string
}

var headerKeys = []string{"betreft", "uw kenmerk", "bijlagen", "bijlage", "cc"}

// Split reads a source: header lines ("Betreft: ...", "Uw kenmerk: ...", "Bijlagen: a; b", "Cc: ...") up
// to the first blank line, then the body.
func Split(source string) (Parts, string) {
	var p Parts
	lines := strings.Split(strings.ReplaceAll(source, "\r\n", "\n"), "\n")
	i := 0
	for ; i < len(lines); i++ {
		key, val, ok := headerLine(lines[i])
		if !ok {
			break
		}
		switch key {
		case "betreft":
			p.Subject = val
		case "uw kenmerk":
			p.TheirReference = val
		case "bijlagen", "bijlage":
			p.Enclosures = splitList(val)
		case "cc":
			p.Cc = splitList(val)
		}
	}
	if i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return p, strings.Join(lines[i:], "\n")
}

func headerLine(line string) (string, string, bool) {
	k, v, ok := strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	k = strings.ToLower(strings.TrimSpace(k))
	for _, h := range headerKeys {
		if k == h {
			return k, strings.TrimSpace(v), true
		}
	}
	return "", "", false
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// Join is the inverse of Split: the source a user edits.
func Join(p Parts, body string) string {
	var b strings.Builder
	b.WriteString("Betreft: " + p.Subject + "\n")
	if p.TheirReference != "" {
		b.WriteString("Uw kenmerk: " + p.TheirReference + "\n")
	}
	if len(p.Enclosures) > 0 {
		b.WriteString("Bijlagen: " + strings.Join(p.Enclosures, "; ") + "\n")
	}
	if len(p.Cc) > 0 {
		b.WriteString("Cc: " + strings.Join(p.Cc, "; ") + "\n")
	}
	return b.String() + "\n" + strings.TrimLeft(body, "\n")
}

// Signer is one person who signs, with the role under the name.
type Signer struct{ Name, Role string }

// Rendered is a letter with every field filled in or marked, in the order of letters.md.
type Rendered struct {
	Sender         []string
	Addressee      []string
	PlaceDate      string
	Subject        string
	Reference      string
	TheirReference string
	Salutation     string
	Body           string // paragraphs separated by blank lines; "- " and "1. " lines are lists
	Closing        string
	OnBehalfOf     string
	Signers        []Signer
	Enclosures     []string
	Cc             []string
	// Missing holds the labels of the fields still marked, each once.
	Missing []string
}

// Render fills a letter's source with the field values. It fails only on a source with an unknown or
// unclosed field.
func Render(source string, values map[string]string) (Rendered, error) {
	var r Rendered
	if err := Check(source); err != nil {
		return r, err
	}
	p, body := Split(source)
	m := &r.Missing
	fill := func(t string) string {
		s, _ := Fill(t, values, m) // the layout's own templates are known to parse
		return s
	}
	var err error
	r.Sender = lines(fill("{{afzender}}\n{{afzender_adres}}"))
	r.Addressee = lines(fill("{{bestuurder}}\n{{bestuurder_functie}}\n{{bedrijf}}"))
	r.PlaceDate = fill("{{plaats}}, {{datum}}")
	if r.Subject, err = Fill(p.Subject, values, m); err != nil {
		return r, err
	}
	r.Reference = fill("{{kenmerk}}")
	if r.TheirReference, err = Fill(p.TheirReference, values, m); err != nil {
		return r, err
	}
	r.Salutation = fill("{{aanhef}}")
	if r.Body, err = Fill(body, values, m); err != nil {
		return r, err
	}
	r.Body = tidy(r.Body)
	r.Closing = "Met vriendelijke groet,"
	r.OnBehalfOf = fill("namens de {{orgaan}}")
	r.Signers = []Signer{{Name: fill("{{voorzitter}}"), Role: "voorzitter"}}
	if s := fill("{{secretaris}}"); s != "" {
		r.Signers = append(r.Signers, Signer{Name: s, Role: "secretaris"})
	}
	for _, e := range p.Enclosures {
		if e, err = Fill(e, values, m); err != nil {
			return r, err
		}
		r.Enclosures = append(r.Enclosures, e)
	}
	for _, c := range p.Cc {
		if c, err = Fill(c, values, m); err != nil {
			return r, err
		}
		r.Cc = append(r.Cc, c)
	}
	return r, nil
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

var blankRun = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)

// tidy drops paragraphs an empty optional field left behind, and trailing space.
func tidy(body string) string {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	return blankRun.ReplaceAllString(body, "\n\n")
}

// Markers counts what is still to be filled in: marked fields and markers typed into the text.
func (r Rendered) Markers() int { return CountMarkers(r.Text()) }

// Text is the whole letter as plain text: what the preview shows and a diff compares.
func (r Rendered) Text() string {
	var b strings.Builder
	block := func(ls ...string) {
		var keep []string
		for _, l := range ls {
			if l != "" {
				keep = append(keep, l)
			}
		}
		if len(keep) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.Join(keep, "\n") + "\n")
	}
	block(r.Sender...)
	block(r.Addressee...)
	block(r.PlaceDate)
	refs := []string{"Betreft: " + r.Subject}
	if r.Reference != "" {
		refs = append(refs, "Kenmerk: "+r.Reference)
	}
	if r.TheirReference != "" {
		refs = append(refs, "Uw kenmerk: "+r.TheirReference)
	}
	block(refs...)
	block(r.Salutation)
	block(r.Body)
	block(r.Closing, r.OnBehalfOf)
	var sig []string
	for _, s := range r.Signers {
		sig = append(sig, s.Name+", "+s.Role)
	}
	block(sig...)
	var tail []string
	if len(r.Enclosures) > 0 {
		tail = append(tail, "Bijlagen: "+strings.Join(r.Enclosures, "; "))
	}
	if len(r.Cc) > 0 {
		tail = append(tail, "Cc: "+strings.Join(r.Cc, "; "))
	}
	block(tail...)
	return b.String()
}
