package export

// PDF tables: a 10 pt grid with a shaded header row that is repeated on every page the table reaches.
// Rows are kept whole when they fit on a page; a row taller than a page continues on the next one.

const (
	pdfTableSize = 10.0
	pdfTableLine = 4.8
	pdfCellPad   = 1.5
)

func (p *pdfWriter) table(t Table) {
	n := columnCount(t)
	if n == 0 {
		return
	}
	widths := scaleWidths(columnWeights(t), p.width)
	var header [][]string
	if len(t.Header) > 0 {
		header = p.cells(t.Header, widths, true)
		p.ensure(rowHeight(header) + pdfTableLine + 2*pdfCellPad) // header and one line of the first row
		p.row(header, widths, true, nil)
	}
	for _, r := range t.Rows {
		p.row(p.cells(r, widths, false), widths, false, header)
	}
	p.f.Ln(pdfGap + 1)
}

// cells wraps every cell of a row to its column.
func (p *pdfWriter) cells(r []string, widths []float64, bold bool) [][]string {
	p.font(bold, pdfTableSize)
	out := make([][]string, len(widths))
	for i, w := range widths {
		out[i] = p.wrap(cell(r, i), w-2*pdfCellPad)
	}
	return out
}

func rowHeight(cells [][]string) float64 {
	lines := 1
	for _, c := range cells {
		lines = max(lines, len(c))
	}
	return float64(lines)*pdfTableLine + 2*pdfCellPad
}

// row draws one table row. A row that does not fit moves to a new page (which gets the header again);
// only a row taller than a whole page is split, line by line.
func (p *pdfWriter) row(cells [][]string, widths []float64, isHeader bool, header [][]string) {
	f := p.f
	usable := p.bottom - pdfTop
	if header != nil {
		usable -= rowHeight(header)
	}
	h := rowHeight(cells)
	if f.GetY()+h > p.bottom && h <= usable {
		p.tablePage(widths, header)
	}

	p.font(isHeader, pdfTableSize)
	lines := 0
	for _, c := range cells {
		lines = max(lines, len(c))
	}
	top := f.GetY()
	if isHeader {
		f.SetFillColor(230, 230, 230)
		f.Rect(pdfLeft, top, p.width, h, "F")
	}
	y := top + pdfCellPad
	for l := range lines {
		if y+pdfTableLine+pdfCellPad > p.bottom {
			p.rowBorders(top, y+pdfCellPad, widths)
			p.tablePage(widths, header)
			p.font(isHeader, pdfTableSize)
			top = f.GetY()
			y = top + pdfCellPad
		}
		x := pdfLeft
		for i, c := range cells {
			if l < len(c) {
				f.SetXY(x+pdfCellPad, y)
				f.CellFormat(widths[i]-2*pdfCellPad, pdfTableLine, c[l], "", 0, "L", false, 0, "")
			}
			x += widths[i]
		}
		y += pdfTableLine
	}
	p.rowBorders(top, y+pdfCellPad, widths)
	f.SetY(y + pdfCellPad)
}

// tablePage starts a new page and repeats the header row on it.
func (p *pdfWriter) tablePage(widths []float64, header [][]string) {
	p.f.AddPage()
	if header != nil {
		p.row(header, widths, true, nil)
	}
}

func (p *pdfWriter) rowBorders(top, bottom float64, widths []float64) {
	p.f.SetDrawColor(120, 120, 120)
	p.f.SetLineWidth(0.2)
	x := pdfLeft
	for _, w := range widths {
		p.f.Rect(x, top, w, bottom-top, "D")
		x += w
	}
	p.f.SetDrawColor(0, 0, 0)
}
