package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// zipDoc is an office document's zip archive read under a budget of uncompressed bytes, so that a
// zip bomb stops with ErrTooBig instead of filling memory.
type zipDoc struct {
	r     *zip.Reader
	left  int64 // uncompressed bytes that may still be read
	ratio int64
}

func openZip(data []byte, opt Options) (*zipDoc, error) {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: zip-archief onleesbaar", ErrCorrupt)
	}
	return &zipDoc{r: r, left: opt.MaxUnzipped, ratio: opt.MaxRatio}, nil
}

// file returns the entry called name, or nil.
func (z *zipDoc) file(name string) *zip.File {
	for _, f := range z.r.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// open opens an entry for reading within the budget.
func (z *zipDoc) open(f *zip.File) (io.ReadCloser, error) {
	size := f.UncompressedSize64
	// A big entry that compressed far better than any real XML does is a bomb; the declared size
	// may lie, which the budget reader below catches.
	if size > 1<<20 && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > uint64(z.ratio)) {
		return nil, fmt.Errorf("%w: %s pakt uit tot %d bytes", ErrTooBig, f.Name, size)
	}
	if size > uint64(z.left) {
		return nil, fmt.Errorf("%w: %s pakt uit tot %d bytes", ErrTooBig, f.Name, size)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
	}
	return &budgetReader{rc: rc, z: z}, nil
}

// budgetReader counts what is read from an entry against the archive's budget.
type budgetReader struct {
	rc io.ReadCloser
	z  *zipDoc
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.z.left <= 0 {
		return 0, fmt.Errorf("%w: meer dan toegestaan uitgepakt", ErrTooBig)
	}
	if int64(len(p)) > b.z.left {
		p = p[:b.z.left]
	}
	n, err := b.rc.Read(p)
	b.z.left -= int64(n)
	return n, err
}

func (b *budgetReader) Close() error { return b.rc.Close() }

// xmlError turns a failure while decoding an entry into one of our errors.
func xmlError(name string, err error) error {
	if errors.Is(err, ErrTooBig) || errors.Is(err, ErrCorrupt) {
		return err
	}
	return fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
}

// readSmallXML decodes a metadata entry (core.xml, meta.xml) into v; such entries are tiny, so a
// failure here only loses metadata, never the document.
func (z *zipDoc) readSmallXML(name string, v any) bool {
	f := z.file(name)
	if f == nil {
		return false
	}
	rc, err := z.open(f)
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(v) == nil
}

// parseXMLDate reads the W3C date-time forms found in core.xml and meta.xml.
func parseXMLDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1900 {
			return t
		}
	}
	return time.Time{}
}

// attr returns the value of the attribute with the given local name.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
