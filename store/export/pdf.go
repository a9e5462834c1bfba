package export

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// PDF layout in millimetres: A4 with 2.5 cm side margins and room at the bottom for the page number.
const (
	pdfLeft   = 25.0
	pdfRight  = 25.0
	pdfTop    = 20.0
	pdfBottom = 22.0
	pdfFont   = "go"
	pdfSize   = 11.0 // body text in points
	pdfLine   = 5.5  // body line height
	pdfGap    = 2.5  // space after a paragraph
)

// PDF writes d as an A4 PDF with the Go fonts embedded (BSD licence; they carry é ë ï ü € and the rest of
// Western European text). Page breaks are placed here rather than by fpdf, so a heading never ends a page
// and a table row that moves to a new page takes the header row with it.
func PDF(w io.Writer, d Doc) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.AliasNbPages("{nb}") // before the fonts: fpdf reserves the alias's glyphs when it subsets them
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.SetMargins(pdfLeft, pdfTop, pdfRight)
	f.SetAutoPageBreak(false, pdfBottom)
	f.SetCellMargin(0)
	f.SetTitle(d.Title, true)
	f.SetAuthor(d.Author, true)
	f.SetCreator("werkbank", true)
	f.SetLang("nl-NL")

	pageW, pageH := f.GetPageSize()
	p := &pdfWriter{f: f, width: pageW - pdfLeft - pdfRight, bottom: pageH - pdfBottom}
	f.SetFooterFunc(func() {
		f.SetY(pageH - 14)
		p.font(false, 9)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 5, fmt.Sprintf("pagina %d van {nb}", f.PageNo()), "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()

	if d.Title != "" && !d.HideTitle {
		p.font(true, 18)
		p.text(p.wrap(oneLine(d.Title), p.width), pdfLeft, p.width, 8, "L")
		if d.Subtitle != "" {
			p.font(false, 12)
			f.SetTextColor(90, 90, 90)
			p.text(p.wrap(oneLine(d.Subtitle), p.width), pdfLeft, p.width, 6, "L")
			f.SetTextColor(0, 0, 0)
		}
		f.Ln(4)
	}
	for _, b := range d.Blocks {
		p.block(b)
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	return f.Output(w)
}

type pdfWriter struct {
	f      *fpdf.Fpdf
	width  float64 // between the margins
	bottom float64 // lowest y a line may reach
}

func (p *pdfWriter) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont(pdfFont, style, size)
}

// ensure starts a new page unless h millimetres still fit on this one.
func (p *pdfWriter) ensure(h float64) {
	if p.f.GetY()+h > p.bottom {
		p.f.AddPage()
	}
}

// text writes lines from x, each checked against the page bottom, and leaves y under the last line.
func (p *pdfWriter) text(lines []string, x, w, lh float64, align string) {
	for _, l := range lines {
		p.ensure(lh)
		y := p.f.GetY()
		p.f.SetXY(x, y)
		p.f.CellFormat(w, lh, l, "", 0, align, false, 0, "")
		p.f.SetY(y + lh)
	}
}

func (p *pdfWriter) block(b Block) {
	switch b := b.(type) {
	case Heading:
		level := headingLevel(b.Level)
		size, lh := []float64{15, 13, 11.5}[level-1], []float64{7.5, 6.5, 6}[level-1]
		if p.f.GetY() > pdfTop {
			p.f.Ln(3)
		}
		p.font(true, size)
		lines := p.wrap(oneLine(b.Text), p.width)
		p.ensure(float64(len(lines))*lh + 2*pdfLine) // keep the heading with what follows
		p.text(lines, pdfLeft, p.width, lh, "L")
		p.f.Ln(1)
	case Paragraph:
		p.font(b.Bold, pdfSize)
		p.text(p.wrap(b.Text, p.width), pdfLeft, p.width, pdfLine, []string{"L", "C", "R"}[min(max(int(b.Align), 0), 2)])
		p.f.Ln(pdfGap)
	case List:
		p.list(b)
	case Table:
		p.table(b)
	case KeyValues:
		p.keyValues(b)
	case Signatures:
		p.signatures(b)
	case Spacer:
		p.f.Ln(pdfLine)
	case PageBreak:
		p.f.AddPage()
	}
}

func (p *pdfWriter) list(l List) {
	p.font(false, pdfSize)
	indent := 7.0
	if l.Numbered {
		indent = p.f.GetStringWidth(fmt.Sprintf("%d.", len(l.Items))) + 3
	}
	x := pdfLeft + 3
	for i, it := range l.Items {
		marker := "•"
		if l.Numbered {
			marker = fmt.Sprintf("%d.", i+1)
		}
		lines := p.wrap(it, p.width-3-indent)
		p.ensure(pdfLine)
		p.f.SetX(x)
		p.f.CellFormat(indent, pdfLine, marker, "", 0, "L", false, 0, "")
		p.text(lines, x+indent, p.width-3-indent, pdfLine, "L")
		p.f.Ln(1)
	}
	p.f.Ln(pdfGap - 1)
}

func (p *pdfWriter) keyValues(kv KeyValues) {
	p.font(false, pdfSize)
	keyW := 20.0
	for _, pair := range kv.Pairs {
		keyW = max(keyW, p.f.GetStringWidth(p.clean(pair.Key+":"))+4)
	}
	for _, pair := range kv.Pairs {
		lines := p.wrap(pair.Value, p.width-keyW)
		p.ensure(pdfLine)
		if pair.Key != "" {
			p.f.SetX(pdfLeft)
			p.f.CellFormat(keyW, pdfLine, p.clean(pair.Key+":"), "", 0, "L", false, 0, "")
		}
		p.text(lines, pdfLeft+keyW, p.width-keyW, pdfLine, "L")
	}
	p.f.Ln(pdfGap)
}

// signatures leaves 15 mm to sign above each name; side by side puts two signers in the two halves.
func (p *pdfWriter) signatures(s Signatures) {
	const room = 15.0
	p.font(false, pdfSize)
	perRow, colW := 2, p.width/2
	if s.Stacked {
		perRow, colW = 1, p.width
	}
	for start := 0; start < len(s.Signers); start += perRow {
		row := s.Signers[start:min(start+perRow, len(s.Signers))]
		var cols [][]string
		height := 0
		for _, sg := range row {
			lines := append(p.wrap(sg.Name, colW-5), p.wrap(sg.Role, colW-5)...)
			cols = append(cols, lines)
			height = max(height, len(lines))
		}
		p.ensure(room + float64(height)*pdfLine)
		top := p.f.GetY() + room
		for i, lines := range cols {
			p.f.SetY(top)
			p.text(lines, pdfLeft+float64(i)*colW, colW-5, pdfLine, "L")
		}
		p.f.SetY(top + float64(height)*pdfLine)
	}
	p.f.Ln(pdfGap)
}

// wrap cleans s and breaks it into lines no wider than w in the current font. Line breaks in s are kept;
// a word wider than w is cut.
func (p *pdfWriter) wrap(s string, w float64) []string {
	var out []string
	fits := func(t string) bool { return p.f.GetStringWidth(t) <= w }
	for _, para := range strings.Split(p.clean(s), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for !fits(word) {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(word)
				n := 1
				for n < len(r) && fits(string(r[:n+1])) {
					n++
				}
				out = append(out, string(r[:n]))
				word = string(r[n:])
			}
			switch {
			case line == "":
				line = word
			case fits(line + " " + word):
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

// clean composes accents (an imported "e" plus combining acute becomes "é", which the font has) and
// replaces what the Go fonts cannot draw with "?": fpdf would otherwise print an empty box or, for runes
// beyond its width table, fail.
func (p *pdfWriter) clean(s string) string {
	s = strings.ReplaceAll(norm.NFC.String(s), "\t", "    ")
	s = strings.ReplaceAll(s, "\r", "")
	return strings.Map(func(r rune) rune {
		if r == '\n' || hasGlyph(r) {
			return r
		}
		return '?'
	}, s)
}

var goFonts = sync.OnceValue(func() []*sfnt.Font {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("export: embedded Go font: " + err.Error()) // the bytes are compiled in
		}
		fonts = append(fonts, f)
	}
	return fonts
})

var (
	glyphMu    sync.Mutex
	glyphCache = map[rune]bool{}
)

// hasGlyph reports whether both embedded fonts can draw r.
func hasGlyph(r rune) bool {
	if r < 0x7f {
		return r >= 0x20
	}
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if ok, seen := glyphCache[r]; seen {
		return ok
	}
	ok := true
	var buf sfnt.Buffer
	for _, f := range goFonts() {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			ok = false
		}
	}
	glyphCache[r] = ok
	return ok
}
