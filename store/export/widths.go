package export

import (
	"strings"
	"unicode"
)

// textWidth counts the columns a string takes in a monospace rendering. Combining marks take none, so a
// decomposed "é" from an imported file lines up like a precomposed one.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
}

// columnWeights gives each column of t a relative width: the caller's Widths when they fit, else the
// longest line in the column, clamped so a single long cell cannot squeeze the others to nothing.
func columnWeights(t Table) []float64 {
	n := columnCount(t)
	w := make([]float64, n)
	if len(t.Widths) == n {
		ok := true
		for _, x := range t.Widths {
			if x <= 0 {
				ok = false
			}
		}
		if ok {
			copy(w, t.Widths)
			return w
		}
	}
	measure := func(row []string) {
		for i, c := range row {
			for _, line := range strings.Split(c, "\n") {
				w[i] = max(w[i], float64(textWidth(line)))
			}
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	for i := range w {
		w[i] = min(max(w[i], 4), 40)
	}
	return w
}

// columnCount is the widest row, so ragged rows never lose a cell.
func columnCount(t Table) int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// cell returns row[i], or "" for a ragged row.
func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// scaleWidths divides total over the columns in proportion to weights.
func scaleWidths(weights []float64, total float64) []float64 {
	sum := 0.0
	for _, x := range weights {
		sum += x
	}
	out := make([]float64, len(weights))
	for i, x := range weights {
		out[i] = total * x / sum
	}
	return out
}

// wrapText breaks s into lines of at most width columns at spaces; a word longer than width is cut.
// Existing line breaks are kept.
func wrapText(s string, width int) []string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for textWidth(word) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				head, rest := cutWidth(word, width)
				out = append(out, head)
				word = rest
			}
			switch {
			case line == "":
				line = word
			case textWidth(line)+1+textWidth(word) <= width:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// cutWidth splits s after width columns, keeping combining marks with their base letter.
func cutWidth(s string, width int) (string, string) {
	n := 0
	for i, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			if n == width {
				return s[:i], s[i:]
			}
			n++
		}
	}
	return s, ""
}
