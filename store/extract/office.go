package extract

import "strings"

// officeWriter lays out the paragraphs and tables of a DOCX or ODT as lines of text: a paragraph
// is a line, a table row is a line with its cells separated by " | ".
type officeWriter struct {
	out          *textBuf
	max          int
	para         strings.Builder
	paraDepth    int // ODT notes and DOCX text boxes nest paragraphs inside paragraphs
	heading      bool
	firstHeading string
	cells        []*strings.Builder // open table cells, innermost last
	rows         [][]string         // open table rows, innermost last
}

func newOfficeWriter(max int) *officeWriter {
	return &officeWriter{out: newTextBuf(max), max: max}
}

func (w *officeWriter) text(s string) {
	if w.para.Len() < w.max {
		w.para.WriteString(s)
	}
}

func (w *officeWriter) startParagraph() {
	w.paraDepth++
	if w.paraDepth == 1 {
		w.heading = false
	} else {
		w.para.WriteString(" ") // a footnote or text box inside a paragraph
	}
}

func (w *officeWriter) endParagraph() {
	if w.paraDepth == 0 {
		return
	}
	w.paraDepth--
	if w.paraDepth > 0 {
		w.para.WriteString(" ")
		return
	}
	s := w.para.String()
	w.para.Reset()
	if w.heading && w.firstHeading == "" && strings.TrimSpace(s) != "" {
		w.firstHeading = s
	}
	w.emit(s)
}

// emit writes a finished line to the innermost open cell, or to the output.
func (w *officeWriter) emit(s string) {
	if n := len(w.cells); n > 0 {
		c := w.cells[n-1]
		if c.Len() >= w.max {
			return
		}
		if c.Len() > 0 && s != "" {
			c.WriteString(" ")
		}
		c.WriteString(s)
		return
	}
	w.out.WriteString(s)
	w.out.WriteString("\n")
}

func (w *officeWriter) startTable() {
	if len(w.cells) == 0 {
		w.out.WriteString("\n")
	}
}

func (w *officeWriter) endTable() {
	if len(w.cells) == 0 {
		w.out.WriteString("\n")
	}
}

func (w *officeWriter) startRow() { w.rows = append(w.rows, nil) }

func (w *officeWriter) startCell() { w.cells = append(w.cells, &strings.Builder{}) }

func (w *officeWriter) endCell() {
	n := len(w.cells)
	if n == 0 {
		return
	}
	c := w.cells[n-1]
	w.cells = w.cells[:n-1]
	if r := len(w.rows); r > 0 {
		w.rows[r-1] = append(w.rows[r-1], strings.TrimSpace(c.String()))
	}
}

func (w *officeWriter) endRow() {
	n := len(w.rows)
	if n == 0 {
		return
	}
	row := w.rows[n-1]
	w.rows = w.rows[:n-1]
	w.emit(strings.Join(row, " | "))
}
