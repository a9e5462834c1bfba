package letter

import (
	"strings"
	"unicode/utf8"
)

// Page lays the letter out as plain text of a given width, the way it stands on paper: place and date
// on the right, paragraphs wrapped, list items with a hanging indent, the signers side by side. It is
// the preview; the export kit makes the real files.
func (r Rendered) Page(width int) string {
	width = max(width, 30)
	var out []string
	blank := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
		}
	}
	add := func(ls ...string) { out = append(out, ls...) }
	add(r.Sender...)
	blank()
	add(r.Addressee...)
	blank()
	if pad := width - utf8.RuneCountInString(r.PlaceDate); pad > 0 {
		add(strings.Repeat(" ", pad) + r.PlaceDate)
	} else {
		add(r.PlaceDate)
	}
	blank()
	add(hanging("Betreft:    ", r.Subject, width)...)
	if r.Reference != "" {
		add(hanging("Kenmerk:    ", r.Reference, width)...)
	}
	if r.TheirReference != "" {
		add(hanging("Uw kenmerk: ", r.TheirReference, width)...)
	}
	blank()
	if r.Salutation != "" {
		add(r.Salutation)
		blank()
	}
	for _, para := range strings.Split(r.Body, "\n\n") {
		for _, line := range strings.Split(para, "\n") {
			t := strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "• "):
				add(hanging("  - ", strings.TrimSpace(t[strings.Index(t, " "):]), width)...)
			case len(t) > 2 && t[0] >= '0' && t[0] <= '9' && strings.Contains(t[:min(4, len(t))], ". "):
				i := strings.Index(t, ". ") + 2
				add(hanging("  "+t[:i], t[i:], width)...)
			default:
				add(wrap(t, width)...)
			}
		}
		blank()
	}
	add(r.Closing, r.OnBehalfOf, "", "")
	var names, roles string
	for _, s := range r.Signers {
		names += padRunes(s.Name, 36)
		roles += padRunes(s.Role, 36)
	}
	add(strings.TrimRight(names, " "), strings.TrimRight(roles, " "))
	if len(r.Enclosures) > 0 || len(r.Cc) > 0 {
		blank()
	}
	if len(r.Enclosures) > 0 {
		add(hanging("Bijlagen:   ", strings.Join(r.Enclosures, "; "), width)...)
	}
	if len(r.Cc) > 0 {
		add(hanging("Cc:         ", strings.Join(r.Cc, "; "), width)...)
	}
	return strings.Join(out, "\n")
}

// wrap breaks text into lines of at most width runes at spaces.
func wrap(text string, width int) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}

// hanging wraps text after a label, continuation lines indented under the text.
func hanging(label, text string, width int) []string {
	n := utf8.RuneCountInString(label)
	lines := wrap(text, max(width-n, 10))
	for i := range lines {
		if i == 0 {
			lines[i] = label + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", n) + lines[i]
		}
	}
	return lines
}

func padRunes(s string, n int) string {
	if c := utf8.RuneCountInString(s); c < n {
		return s + strings.Repeat(" ", n-c)
	}
	return s + " "
}

// Wrap breaks every line of a text at width, keeping blank lines: for showing a letter in a box.
func Wrap(text string, width int) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		for i, w := range wrap(l, max(width-indent, 10)) {
			if i == 0 {
				out = append(out, strings.Repeat(" ", indent)+w)
			} else {
				out = append(out, strings.Repeat(" ", indent+2*b2i(strings.HasPrefix(strings.TrimSpace(l), "- ")))+w)
			}
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
