package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// kindOf maps a file name's extension to the kind of extractor.
func kindOf(name string) (string, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "pdf", true
	case ".docx":
		return "docx", true
	case ".odt":
		return "odt", true
	case ".txt", ".text":
		return "txt", true
	case ".md", ".markdown":
		return "md", true
	case ".html", ".htm", ".xhtml":
		return "html", true
	case ".eml":
		return "eml", true
	}
	return "", false
}

var (
	magicPDF = []byte("%PDF-")
	magicZip = []byte("PK\x03\x04")
)

// checkContent verifies that the bytes fit the kind the extension promised, so that a renamed file
// gets a clear message instead of garbage text or a confusing parse error.
func checkContent(kind string, data []byte) error {
	head := data[:min(len(data), 1024)]
	switch kind {
	case "pdf":
		// The PDF spec allows up to 1024 bytes of junk before the header.
		if !bytes.Contains(head, magicPDF) {
			return fmt.Errorf("%w: geen PDF", ErrMismatch)
		}
	case "docx", "odt":
		if !bytes.HasPrefix(data, magicZip) && !bytes.HasPrefix(data, []byte("PK\x05\x06")) {
			return fmt.Errorf("%w: geen zip-archief, dus geen %s", ErrMismatch, strings.ToUpper(kind))
		}
	default:
		if bytes.HasPrefix(data, magicPDF) {
			return fmt.Errorf("%w: dit is een PDF", ErrMismatch)
		}
		if bytes.HasPrefix(data, magicZip) {
			return fmt.Errorf("%w: dit is een zip-archief (DOCX, ODT?)", ErrMismatch)
		}
		if looksBinary(data) {
			return fmt.Errorf("%w: geen tekstbestand", ErrMismatch)
		}
		if kind == "eml" && !looksLikeMail(data) {
			return fmt.Errorf("%w: geen e-mail (geen kopregels)", ErrMismatch)
		}
	}
	return nil
}

// looksBinary reports NUL bytes near the start, unless a UTF-16 byte order mark explains them.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}

// looksLikeMail accepts a message that starts with a header line ("Name: value"), optionally after
// an mbox "From " line.
func looksLikeMail(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("From ")) {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	line := data[:min(len(data), 1000)]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return false
	}
	for _, c := range line[:colon] {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}
