package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// extractPDF reads the text layer of a PDF. A PDF that opens without a password (possibly one with
// only an owner password, which restricts printing or copying but not reading) gives its text;
// one that needs a password gives ErrEncrypted.
func extractPDF(ctx context.Context, data []byte, opt Options) (Result, error) {
	data = acceptPDF2(data)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if err == pdf.ErrInvalidPassword || strings.Contains(strings.ToLower(err.Error()), "encrypt") {
			return Result{}, fmt.Errorf("%w: wachtwoord nodig", ErrEncrypted)
		}
		if hasEncryptEntry(data) {
			return Result{}, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return Result{}, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if !r.Trailer().Key("Encrypt").IsNull() {
		// Even when the empty user password opens it, the library's decryption is not reliable
		// enough to trust the text.
		return Result{}, fmt.Errorf("%w: beveiligde PDF", ErrEncrypted)
	}
	var res Result
	info := r.Trailer().Key("Info")
	res.Title = info.Key("Title").Text()
	res.Author = info.Key("Author").Text()
	res.Date = parsePDFDate(info.Key("CreationDate").Text())
	if res.Date.IsZero() {
		res.Date = parsePDFDate(info.Key("ModDate").Text())
	}

	out := newTextBuf(opt.MaxText)
	pages := r.NumPage()
	failed := 0
	for i := 1; i <= pages && !out.full(); i++ {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		text, ok := pageText(r, i)
		if !ok {
			failed++
			continue
		}
		out.WriteString(text)
		out.WriteString("\n\n")
	}
	if pages > 0 && failed == pages {
		return Result{}, fmt.Errorf("%w: geen enkele pagina leesbaar", ErrCorrupt)
	}
	if pages <= 0 && r.Trailer().Key("Root").IsNull() {
		return Result{}, fmt.Errorf("%w: geen pagina's", ErrCorrupt)
	}
	res.Text = out.String()
	res.Truncated = out.full()
	return res, nil
}

// acceptPDF2 lets PDF 2.0 files through the library's header check, which only knows 1.x; the
// header has the same length, so no offset moves.
func acceptPDF2(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		c := bytes.Clone(data)
		copy(c, "%PDF-1.7")
		return c
	}
	return data
}

// hasEncryptEntry looks for an /Encrypt key in the last part of the file, where the trailer is.
func hasEncryptEntry(data []byte) bool {
	tail := data[max(0, len(data)-64<<10):]
	return bytes.Contains(tail, []byte("/Encrypt"))
}

// parsePDFDate reads a PDF date string, "D:YYYYMMDDHHmmSSOHH'mm'", where everything after the year
// is optional.
func parsePDFDate(s string) time.Time {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 {
		return time.Time{}
	}
	digits := s
	zone := ""
	if i := strings.IndexAny(s, "Z+-"); i >= 0 {
		digits, zone = s[:i], s[i:]
	}
	layouts := map[int]string{4: "2006", 6: "200601", 8: "20060102", 10: "2006010215", 12: "200601021504", 14: "20060102150405"}
	layout, ok := layouts[len(digits)]
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(layout, digits)
	if err != nil {
		return time.Time{}
	}
	if zone != "" && zone[0] != 'Z' {
		z := strings.ReplaceAll(zone[1:], "'", "")
		var h, m int
		if len(z) >= 2 {
			fmt.Sscanf(z[:2], "%d", &h)
		}
		if len(z) >= 4 {
			fmt.Sscanf(z[2:4], "%d", &m)
		}
		off := (h*60 + m) * 60
		if zone[0] == '-' {
			off = -off
		}
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off))
	}
	return t
}
