package extract

import (
	"bytes"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// This file reads the text of a PDF page with its own content-stream walker. The library's readers
// decode a ToUnicode range only by its last byte, which breaks the identity range <0000> <FFFF>
// written by fpdf and tFPDF (werkbank's own PDF exports among them): "€" (U+20AC) came out as "¬".

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// mul returns m×n: first m, then n, as PDF concatenates matrices.
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) affine { return affine{1, 0, 0, 1, x, y} }

// pdfFont decodes the strings shown in one font and knows their widths.
type pdfFont struct {
	toUnicode *toUnicode
	enc       pdf.TextEncoding // the library's decoder, for simple fonts without ToUnicode
	twoByte   bool             // Type0 font: codes are two bytes (Identity-H, as nearly all are)
	widths    map[int]float64  // glyph widths in thousandths of an em
	firstChar int
	defWidth  float64
}

func loadFont(f pdf.Font) *pdfFont {
	pf := &pdfFont{widths: map[int]float64{}}
	pf.twoByte = f.V.Key("Subtype").Name() == "Type0"
	if tu := f.V.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		pf.toUnicode = readToUnicode(tu)
	}
	if pf.toUnicode == nil && !pf.twoByte {
		pf.enc = f.Encoder()
	}
	if pf.twoByte {
		// CID widths: /W [c [w1 w2 ...] c1 c2 w ...], default /DW (1000).
		desc := f.V.Key("DescendantFonts").Index(0)
		pf.defWidth = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			pf.defWidth = dw.Float64()
		}
		w := desc.Key("W")
		for i := 0; i+1 < w.Len() && len(pf.widths) < 1<<16; {
			c := int(w.Index(i).Int64())
			if next := w.Index(i + 1); next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && j < 1<<16; j++ {
					pf.widths[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= w.Len() {
				break
			}
			hi, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
			for c2 := c; c2 <= hi && c2-c < 1<<16; c2++ {
				pf.widths[c2] = width
			}
			i += 3
		}
	} else {
		pf.firstChar = f.FirstChar()
		ws := f.V.Key("Widths")
		for i := 0; i < ws.Len() && i < 256; i++ {
			pf.widths[pf.firstChar+i] = ws.Index(i).Float64()
		}
		// Standard fonts often come without widths; half an em is a fair guess for layout.
		pf.defWidth = 500
	}
	return pf
}

// decode returns the text of raw and the total width of its glyphs in thousandths of an em.
func (f *pdfFont) decode(raw string) (string, float64, int) {
	var b strings.Builder
	width := 0.0
	spaces := 0
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		code := int(raw[i])
		if step == 2 {
			code = code<<8 | int(raw[i+1])
		}
		if w, ok := f.widths[code]; ok && w > 0 {
			width += w
		} else {
			width += f.defWidth
		}
		var s string
		switch {
		case f.toUnicode != nil:
			s = f.toUnicode.lookup(raw[i:i+step], code)
		case f.enc != nil:
			s = f.enc.Decode(raw[i : i+step])
		}
		if s == " " || code == 32 && step == 1 {
			spaces++
		}
		b.WriteString(s)
	}
	return b.String(), width, spaces
}

// toUnicode is a parsed ToUnicode CMap.
type toUnicode struct {
	chars  map[string]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi int
	n      int      // code length in bytes
	dst    []uint16 // UTF-16 of the first code's text; later codes add to the last unit
	array  []string // or one text per code
}

func (m *toUnicode) lookup(code string, n int) string {
	if s, ok := m.chars[code]; ok {
		return s
	}
	for _, r := range m.ranges {
		if r.n != len(code) || n < r.lo || n > r.hi {
			continue
		}
		if r.array != nil {
			if i := n - r.lo; i < len(r.array) {
				return r.array[i]
			}
			return ""
		}
		if len(r.dst) == 0 {
			return ""
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(n - r.lo)
		return string(utf16.Decode(u))
	}
	return ""
}

func codeInt(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 4; i++ {
		n = n<<8 | int(s[i])
	}
	return n
}

func utf16String(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

// readToUnicode parses a ToUnicode CMap. It scans the tokens itself: the library's PostScript
// interpreter cannot run the CMap prologue ("/CIDInit /ProcSet findresource begin") from outside.
func readToUnicode(v pdf.Value) *toUnicode {
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 4<<20))
	if err != nil && len(data) == 0 {
		return nil
	}
	m := &toUnicode{chars: map[string]string{}}
	var section string
	var hex []string // hex strings collected in the current section
	var array []string
	inArray := false
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '<' && i+1 < len(data) && data[i+1] != '<':
			end := bytes.IndexByte(data[i:], '>')
			if end < 0 {
				return m
			}
			s := decodeHex(data[i+1 : i+end])
			if inArray {
				array = append(array, s)
			} else {
				hex = append(hex, s)
			}
			i += end + 1
		case c == '[':
			inArray, array = true, nil
			i++
		case c == ']':
			inArray = false
			if n := len(hex); section == "bfrange" && n >= 2 {
				m.addRange(hex[n-2], hex[n-1], "", array)
				hex = hex[:n-2]
			}
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			start := i
			for i < len(data) && (data[i] >= 'a' && data[i] <= 'z' || data[i] >= 'A' && data[i] <= 'Z') {
				i++
			}
			switch word := string(data[start:i]); word {
			case "beginbfchar", "beginbfrange", "begincodespacerange":
				section, hex = strings.TrimPrefix(word, "begin"), hex[:0]
			case "endbfchar":
				for k := 0; k+1 < len(hex); k += 2 {
					m.chars[hex[k]] = string(utf16.Decode(utf16String(hex[k+1])))
				}
				section, hex = "", hex[:0]
			case "endbfrange":
				for k := 0; k+2 < len(hex); k += 3 {
					m.addRange(hex[k], hex[k+1], hex[k+2], nil)
				}
				section, hex = "", hex[:0]
			case "endcodespacerange":
				section, hex = "", hex[:0]
			}
		default:
			i++
		}
		if len(m.chars)+len(m.ranges) > 1<<17 {
			break // far more than any font has glyphs
		}
	}
	return m
}

func (m *toUnicode) addRange(lo, hi, dst string, array []string) {
	if len(lo) == 0 || len(lo) > 4 {
		return
	}
	r := cmapRange{lo: codeInt(lo), hi: codeInt(hi), n: len(lo)}
	if array != nil {
		for _, a := range array {
			r.array = append(r.array, string(utf16.Decode(utf16String(a))))
		}
	} else {
		r.dst = utf16String(dst)
	}
	m.ranges = append(m.ranges, r)
}

// decodeHex decodes the digits of a PDF hex string; an odd last digit counts as followed by 0.
func decodeHex(h []byte) string {
	var out []byte
	var cur byte
	odd := false
	for _, c := range h {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if odd {
			out = append(out, cur<<4|v)
		} else {
			cur = v
		}
		odd = !odd
	}
	if odd {
		out = append(out, cur<<4)
	}
	return string(out)
}

// pageLayout turns shown strings into lines: a move to another baseline starts a line, a gap
// wider than a fraction of the font size is a space.
type pageLayout struct {
	b          strings.Builder
	lastX      float64
	lastY      float64
	have       bool
	lastSpaced bool
}

func (l *pageLayout) show(text string, x, y, endX, size float64) {
	if text == "" {
		return
	}
	size = math.Max(math.Abs(size), 1)
	if l.have {
		switch {
		case math.Abs(y-l.lastY) > size*0.5:
			l.b.WriteByte('\n')
		case (x-l.lastX > size*0.15 || x < l.lastX-size) && !l.lastSpaced && !strings.HasPrefix(text, " "):
			l.b.WriteByte(' ')
		}
	}
	l.b.WriteString(text)
	l.lastX, l.lastY, l.have = endX, y, true
	l.lastSpaced = strings.HasSuffix(text, " ")
}

// pageText returns the text of page num; ok is false when the page could not be read.
func pageText(r *pdf.Reader, num int) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	p := r.Page(num)
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return "", true
	}
	type state struct {
		ctm              affine
		font             *pdfFont
		size, tc, tw, th float64
		tl, rise         float64
	}
	g := state{ctm: identity, th: 1}
	var stack []state
	tm, tlm := identity, identity
	fonts := map[string]*pdfFont{}
	var l pageLayout

	show := func(raw string) {
		if g.font == nil {
			return
		}
		s, w, spaces := g.font.decode(raw)
		start := tm.mul(g.ctm)
		adv := (w/1000*g.size + float64(len(raw))*g.tc + float64(spaces)*g.tw) * g.th
		tm = translate(adv, 0).mul(tm)
		end := tm.mul(g.ctm)
		// The font size as drawn on the page, so gaps compare in the same units as positions.
		size := g.size * math.Hypot(start[2], start[3])
		l.show(s, start[4], start[5]+g.rise, end[4], size)
	}
	nextLine := func() {
		tlm = translate(0, -g.tl).mul(tlm)
		tm = tlm
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = loadFont(p.Font(name))
					fonts[name] = f
				}
				g.font, g.size = f, num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Td":
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "TD":
			g.tl = -num(1)
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				nextLine()
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine()
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					x := a.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = translate(-x.Float64()/1000*g.size*g.th, 0).mul(tm)
					}
				}
			}
		}
	})
	return l.b.String(), true
}
