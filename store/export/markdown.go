package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// Markdown renders d as CommonMark with GFM tables. Text is escaped so that a "*" or "#" in a title stays
// a character; alignment has no Markdown form and is dropped.
func Markdown(d Doc) []byte {
	var out []string
	shift := 0
	if d.Title != "" && !d.HideTitle {
		out = append(out, "# "+escapeMarkdown(oneLine(d.Title)))
		shift = 1 // headings sit under the title
		if d.Subtitle != "" {
			out = append(out, "*"+escapeMarkdown(oneLine(d.Subtitle))+"*")
		}
	}
	for _, b := range d.Blocks {
		if s := markdownBlock(b, shift); s != "" {
			out = append(out, s)
		}
	}
	var buf bytes.Buffer
	buf.WriteString(strings.Join(out, "\n\n"))
	buf.WriteString("\n")
	return buf.Bytes()
}

func markdownBlock(b Block, shift int) string {
	switch b := b.(type) {
	case Heading:
		return strings.Repeat("#", headingLevel(b.Level)+shift) + " " + escapeMarkdown(oneLine(b.Text))
	case Paragraph:
		return markdownLines(strings.Split(b.Text, "\n"), b.Bold)
	case List:
		var lines []string
		for i, it := range b.Items {
			marker := "- "
			if b.Numbered {
				marker = strconv.Itoa(i+1) + ". "
			}
			indent := strings.Repeat(" ", len(marker))
			item := strings.ReplaceAll(markdownLines(strings.Split(it, "\n"), false), "\n", "\n"+indent)
			lines = append(lines, marker+item)
		}
		return strings.Join(lines, "\n")
	case Table:
		return markdownTable(b)
	case KeyValues:
		var lines []string
		for _, kv := range b.Pairs {
			lines = append(lines, keyValueLine(kv))
		}
		return markdownLines(lines, false)
	case Signatures:
		var parts []string
		for _, s := range b.Signers {
			parts = append(parts, markdownLines(nonEmpty(s.Name, s.Role), false))
		}
		return strings.Join(parts, "\n\n")
	case PageBreak:
		return "---"
	}
	return "" // Spacer: blank lines already separate blocks
}

// markdownLines joins lines with hard line breaks (a trailing backslash, which survives editors that trim
// trailing spaces).
func markdownLines(lines []string, bold bool) string {
	for i, l := range lines {
		l = escapeMarkdown(l)
		if bold && strings.TrimSpace(l) != "" {
			l = "**" + l + "**"
		}
		lines[i] = l
	}
	return strings.Join(lines, "\\\n")
}

func markdownTable(t Table) string {
	n := columnCount(t)
	if n == 0 {
		return ""
	}
	row := func(r []string) string {
		cells := make([]string, n)
		for i := range cells {
			cells[i] = strings.ReplaceAll(escapeMarkdown(oneLine(cell(r, i))), "|", `\|`)
		}
		return "| " + strings.Join(cells, " | ") + " |"
	}
	// GFM needs a header row; an empty one keeps a headerless table a table.
	lines := []string{row(t.Header), "|" + strings.Repeat(" --- |", n)}
	for _, r := range t.Rows {
		lines = append(lines, row(r))
	}
	return strings.Join(lines, "\n")
}

var (
	markdownSpecial   = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`)
	markdownLineStart = regexp.MustCompile(`^(\s*)([#>+=-]|\d+[.)])`)
)

// escapeMarkdown keeps text literal: inline markup characters everywhere, block markers at line start.
func escapeMarkdown(s string) string {
	s = markdownSpecial.Replace(s)
	return markdownLineStart.ReplaceAllStringFunc(s, func(m string) string {
		i := len(m) - 1 // escape the last character: "#" or the "." after a number
		return m[:i] + `\` + m[i:]
	})
}

// keyValueLine writes "Key: value", or only the value for a continuation line.
func keyValueLine(kv KeyValue) string {
	if kv.Key == "" {
		return kv.Value
	}
	return kv.Key + ": " + kv.Value
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
