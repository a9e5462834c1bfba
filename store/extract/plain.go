package extract

import (
	"bytes"
	"context"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// extractTXT reads a plain text file: UTF-8 (with or without BOM), UTF-16 with BOM, or else
// Windows-1252.
func extractTXT(_ context.Context, data []byte, opt Options) (Result, error) {
	text, truncated := plainText(data, opt.MaxText)
	return Result{Text: text, Truncated: truncated}, nil
}

// extractMarkdown keeps Markdown as it is (it reads well as text); its first "# heading" is the title.
func extractMarkdown(_ context.Context, data []byte, opt Options) (Result, error) {
	text, truncated := plainText(data, opt.MaxText)
	return Result{Text: text, Truncated: truncated, Title: markdownTitle(text)}, nil
}

// plainText decodes data, looking at no more than about max bytes of it so that a huge file costs
// memory in proportion to the text kept, not to the file.
func plainText(data []byte, max int) (string, bool) {
	var utf16 bool
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		utf16 = true
	}
	truncated := false
	// Windows-1252 and UTF-16 can grow when decoded; cutting the input at max is enough because
	// finish cuts the decoded text again.
	if len(data) > max {
		data = data[:max]
		truncated = true
	}
	if utf16 {
		out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data)
		if err == nil {
			return string(out), truncated
		}
	}
	if truncated {
		// Do not let the cut through a multi-byte character make valid UTF-8 look invalid.
		for i := 0; i < 3 && len(data) > 0 && !validTail(data); i++ {
			data = data[:len(data)-1]
		}
	}
	return decodeText(data), truncated
}

// validTail reports whether data does not end in the middle of a UTF-8 sequence.
func validTail(data []byte) bool {
	for i := len(data) - 1; i >= 0 && i >= len(data)-4; i-- {
		c := data[i]
		if c < 0x80 {
			return true
		}
		if c >= 0xC0 { // a lead byte: complete if enough continuation bytes follow
			need := 2
			switch {
			case c >= 0xF0:
				need = 4
			case c >= 0xE0:
				need = 3
			}
			return len(data)-i >= need
		}
	}
	return true
}

// markdownTitle returns the text of the first level-one ATX heading outside fenced code.
func markdownTitle(text string) string {
	fenced := false
	for line := range strings.Lines(text) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced || !strings.HasPrefix(t, "# ") {
			continue
		}
		return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[2:]), "#"))
	}
	return ""
}
