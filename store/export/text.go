package export

import (
	"strconv"
	"strings"
)

// textWidthLimit is the line length of plain-text output: readable in any editor and in a mail body.
const textWidthLimit = 72

// PlainText renders d as plain UTF-8 text wrapped at 72 columns: headings underlined, lists indented,
// tables in aligned columns, right-aligned paragraphs padded to the right margin.
func PlainText(d Doc) []byte {
	var out []string
	if d.Title != "" && !d.HideTitle {
		out = append(out, underline(oneLine(d.Title), "="))
		if d.Subtitle != "" {
			out[0] += "\n" + oneLine(d.Subtitle)
		}
	}
	for _, b := range d.Blocks {
		if _, ok := b.(Spacer); ok {
			continue // the blank line between blocks is space enough in plain text
		}
		out = append(out, textBlock(b))
	}
	return []byte(strings.Join(out, "\n\n") + "\n")
}

func textBlock(b Block) string {
	switch b := b.(type) {
	case Heading:
		switch headingLevel(b.Level) {
		case 1:
			return underline(oneLine(b.Text), "=")
		case 2:
			return underline(oneLine(b.Text), "-")
		}
		return oneLine(b.Text)
	case Paragraph:
		lines := wrapText(b.Text, textWidthLimit)
		for i, l := range lines {
			switch pad := textWidthLimit - textWidth(l); b.Align {
			case AlignRight:
				lines[i] = strings.Repeat(" ", pad) + l
			case AlignCenter:
				lines[i] = strings.Repeat(" ", pad/2) + l
			}
		}
		return strings.Join(lines, "\n")
	case List:
		return textList(b)
	case Table:
		return textTable(b)
	case KeyValues:
		return textKeyValues(b)
	case Signatures:
		return textSignatures(b)
	}
	return "" // PageBreak: an extra blank line
}

func underline(s, mark string) string {
	return s + "\n" + strings.Repeat(mark, textWidth(s))
}

func textList(l List) string {
	markerWidth := 2
	if l.Numbered {
		markerWidth = len(strconv.Itoa(len(l.Items))) + 2
	}
	indent := strings.Repeat(" ", markerWidth)
	var out []string
	for i, it := range l.Items {
		marker := "- "
		if l.Numbered {
			marker = strconv.Itoa(i+1) + ". "
		}
		marker += strings.Repeat(" ", markerWidth-len(marker))
		for j, line := range wrapText(it, textWidthLimit-markerWidth) {
			if j == 0 {
				out = append(out, marker+line)
			} else {
				out = append(out, indent+line)
			}
		}
	}
	return strings.Join(out, "\n")
}

func textKeyValues(kv KeyValues) string {
	keyWidth := 0
	for _, p := range kv.Pairs {
		keyWidth = max(keyWidth, textWidth(p.Key)+1)
	}
	var out []string
	for _, p := range kv.Pairs {
		label := ""
		if p.Key != "" {
			label = p.Key + ":"
		}
		label += strings.Repeat(" ", keyWidth-textWidth(label)+2)
		for j, line := range wrapText(p.Value, textWidthLimit-keyWidth-2) {
			if j > 0 {
				label = strings.Repeat(" ", keyWidth+2)
			}
			out = append(out, strings.TrimRight(label+line, " "))
		}
	}
	return strings.Join(out, "\n")
}

// textSignatures leaves two empty lines to sign on, then name and role; side by side in two columns of
// half the line.
func textSignatures(s Signatures) string {
	perRow := 2
	if s.Stacked {
		perRow = 1
	}
	col := textWidthLimit / 2
	var blocks []string
	for start := 0; start < len(s.Signers); start += perRow {
		row := s.Signers[start:min(start+perRow, len(s.Signers))]
		lines := []string{"", ""}
		for _, field := range []func(Signer) string{
			func(x Signer) string { return x.Name },
			func(x Signer) string { return x.Role },
		} {
			line := ""
			for i, sg := range row {
				v := field(sg)
				if i < len(row)-1 {
					v = padRight(v, col)
				}
				line += v
			}
			lines = append(lines, strings.TrimRight(line, " "))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	return strings.Join(blocks, "\n\n")
}

func padRight(s string, w int) string {
	if n := textWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s + " "
}

// textTable sets columns two spaces apart, at their natural width when the table fits in the line and
// shrunk in proportion (with cells wrapped) when it does not.
func textTable(t Table) string {
	n := columnCount(t)
	if n == 0 {
		return ""
	}
	const gap = 2
	natural := make([]int, n)
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		for i := range n {
			for _, line := range strings.Split(cell(r, i), "\n") {
				natural[i] = max(natural[i], textWidth(line))
			}
		}
	}
	widths := natural
	total := 0
	for _, w := range natural {
		total += w
	}
	if avail := textWidthLimit - gap*(n-1); total > avail {
		scaled := scaleWidths(columnWeights(t), float64(avail))
		for i := range widths {
			widths[i] = max(int(scaled[i]), 3)
		}
	}

	var out []string
	writeRow := func(r []string) {
		cells := make([][]string, n)
		height := 0
		for i := range n {
			cells[i] = wrapText(cell(r, i), widths[i])
			height = max(height, len(cells[i]))
		}
		for l := range height {
			line := ""
			for i := range n {
				v := ""
				if l < len(cells[i]) {
					v = cells[i][l]
				}
				if i < n-1 {
					v += strings.Repeat(" ", widths[i]-textWidth(v)+gap)
				}
				line += v
			}
			out = append(out, strings.TrimRight(line, " "))
		}
	}
	if len(t.Header) > 0 {
		writeRow(t.Header)
		var rule []string
		for _, w := range widths {
			rule = append(rule, strings.Repeat("-", w))
		}
		out = append(out, strings.Join(rule, strings.Repeat(" ", gap)))
	}
	for _, r := range t.Rows {
		writeRow(r)
	}
	return strings.Join(out, "\n")
}
