package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latinFold holds the folded form of every rune from 0x80 below latinEnd, computed once, so that
// folding Dutch, German and French text never touches the normaliser.
const latinEnd = 0x250

var latinFold [latinEnd]string

func init() {
	for r := rune(0x80); r < latinEnd; r++ {
		latinFold[r] = foldSlow(nil, r)
	}
}

// Fold lowers s and removes diacritics ("Ideeën" -> "ideeen"): the form in which words are compared
// everywhere in search. It decomposes with NFKD rather than NFD so that the ligatures PDF extraction
// produces ("ﬁ"), the Dutch "ĳ" and full-width letters fold to plain letters too. Everything that is
// not a letter is kept as it is.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}
	if i == len(s) {
		return s // already folded: the common case costs nothing
	}
	b := make([]byte, 0, len(s)+4)
	b = append(b, s[:i]...)
	return string(appendFold(b, s[i:]))
}

// appendFold appends the folded form of s to b.
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			// Invalid UTF-8 is dropped: it cannot be a word, and passing it on would make every
			// later comparison of the string unreliable.
		case r < latinEnd:
			if f := latinFold[r]; f != "" {
				b = append(b, f...)
			}
		default:
			b = append(b, foldSlow(nil, r)...)
		}
	}
	return b
}

// foldSlow folds one rune through the normaliser.
func foldSlow(b []byte, r rune) string {
	var buf [utf8.UTFMax]byte
	d := norm.NFKD.Append(nil, buf[:utf8.EncodeRune(buf[:], r)]...)
	for _, dr := range string(d) {
		if unicode.Is(unicode.Mn, dr) {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(dr))
	}
	return string(b)
}

// isWordRune reports whether r can be part of a word. It follows the unicode61 tokenizer (letters,
// numbers, private use), so that a word found by Highlight is one FTS5 found.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// nextWord returns the byte range of the first word in s at or after i, or start == len(s) if there
// is none. Combining marks stay with the word they follow, so a decomposed "e" + U+0308 does not split
// "ideeën" in two.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	start = i
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) && !(i > start && unicode.Is(unicode.M, r)) {
			break
		}
		i += n
	}
	return start, i
}

// words splits s into folded words; for queries and tests, where allocation does not matter.
func words(s string) []string {
	var out []string
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == len(s) {
			return out
		}
		if w := Fold(s[start:end]); w != "" {
			out = append(out, w)
		}
		i = end
	}
}
