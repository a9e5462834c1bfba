package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// normalize makes extracted text uniform for storage and search: NFC, line ends as \n, runs of
// horizontal space collapsed to one space, spaces at line ends removed, control and zero-width
// characters dropped, at most one blank line in a row (so paragraph breaks survive), trimmed.
// It works in one pass so a 20 MB single line costs a small multiple of its size.
func normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0    // newlines pending since the last visible character
	space := false   // a space is pending since the last visible character
	started := false // a visible character has been written
	for i, r := range s {
		switch {
		case r == '\n' || r == '\f' || r == '\u2028' || r == '\u2029':
			newlines++
			space = false
		case r == '\r':
			// \r\n counts once; a lone \r (old Mac files) is a line end.
			if i+1 >= len(s) || s[i+1] != '\n' {
				newlines++
				space = false
			}
		case r == utf8.RuneError && isInvalidAt(s, i):
			// Cannot happen after our decoders, but never store invalid UTF-8.
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u200e' || r == '\u200f':
			// Zero-width space, BOM, soft hyphen and direction marks: invisible, and they break search.
		case unicode.IsSpace(r):
			space = true
		case unicode.IsControl(r):
		default:
			if started {
				switch {
				case newlines >= 2:
					b.WriteString("\n\n")
				case newlines == 1:
					b.WriteByte('\n')
				case space:
					b.WriteByte(' ')
				}
			}
			newlines, space, started = 0, false, true
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvalidAt reports whether the RuneError at s[i] stands for invalid bytes rather than a real U+FFFD.
func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// decodeText turns bytes of unknown encoding into UTF-8: valid UTF-8 stays as it is, anything else
// is read as Windows-1252, which is what Dutch Windows software writes when it is not UTF-8.
func decodeText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decode1252(b)
}

func decode1252(b []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		// The Windows-1252 decoder maps every byte, so this does not happen; keep what is valid.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// textBuf collects extracted text up to a limit, so that an extractor can stop early instead of
// building a huge string that would be cut anyway.
type textBuf struct {
	b         strings.Builder
	max       int
	truncated bool
}

func newTextBuf(max int) *textBuf { return &textBuf{max: max} }

func (t *textBuf) WriteString(s string) {
	if t.truncated {
		return
	}
	if room := t.max - t.b.Len(); len(s) > room {
		s = cutUTF8(s, room)
		t.truncated = true
	}
	t.b.WriteString(s)
}

func (t *textBuf) full() bool     { return t.truncated }
func (t *textBuf) String() string { return t.b.String() }
func (t *textBuf) Len() int       { return t.b.Len() }
