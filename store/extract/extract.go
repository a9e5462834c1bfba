// Package extract turns one archived file (PDF, DOCX, ODT, TXT, Markdown, HTML or EML) into plain text
// and metadata for the archive and its full-text index. It treats every file as hostile: each
// extraction runs under a time limit, parser panics become ErrCorrupt, and unpacked and extracted
// sizes are capped.
package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Result is what Extract found in one file.
type Result struct {
	Title  string
	Author string
	Sender string    // mail only: the From header, "Naam <adres>"
	Date   time.Time // zero if unknown
	Text   string    // NFC, runs of spaces collapsed, paragraph breaks kept, trimmed
	Kind   string    // "pdf", "docx", "odt", "txt", "md", "html" or "eml"
	// NoText marks a PDF without a text layer (a scan, probably). It is not an error: the caller
	// stores the file and shows NoTextLabel.
	NoText bool
	// Truncated says that Text was cut off at Options.MaxText.
	Truncated bool
	// Attachments of a mail, each to be extracted and stored as its own document linked to the mail.
	Attachments []Attachment
	// SkippedAttachments counts the attachments left out beyond Options.MaxAttachments; the mail's
	// Text says so too.
	SkippedAttachments int
}

// Attachment is one file attached to a mail, with its decoded bytes.
type Attachment struct {
	Name string
	Data []byte
}

// NoTextLabel is what the user sees for a PDF without a text layer.
const NoTextLabel = "geen tekst (scan?)"

// Options bound the work done for one file. Zero fields take the defaults of DefaultOptions.
type Options struct {
	Timeout        time.Duration // wall-clock limit per file
	MaxUnzipped    int64         // total bytes read from the entries of a DOCX or ODT
	MaxRatio       int64         // largest uncompressed/compressed ratio accepted for a big zip entry
	MaxText        int           // bytes of extracted text kept
	MaxAttachments int           // attachments returned from one mail
}

// DefaultOptions are the limits Extract uses.
func DefaultOptions() Options {
	return Options{
		Timeout:        20 * time.Second,
		MaxUnzipped:    200 << 20,
		MaxRatio:       100,
		MaxText:        20 << 20,
		MaxAttachments: 1000,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.MaxUnzipped <= 0 {
		o.MaxUnzipped = d.MaxUnzipped
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = d.MaxRatio
	}
	if o.MaxText <= 0 {
		o.MaxText = d.MaxText
	}
	if o.MaxAttachments <= 0 {
		o.MaxAttachments = d.MaxAttachments
	}
	return o
}

// Extract returns the text and metadata of the file called name (only its extension matters) with
// contents data, using DefaultOptions.
func Extract(ctx context.Context, name string, data []byte) (Result, error) {
	return ExtractWith(ctx, name, data, Options{})
}

// extractor turns the bytes of one kind of file into a Result with raw (not yet normalised) text.
type extractor func(ctx context.Context, data []byte, opt Options) (Result, error)

var extractors = map[string]extractor{
	"pdf":  extractPDF,
	"docx": extractDOCX,
	"odt":  extractODT,
	"txt":  extractTXT,
	"md":   extractMarkdown,
	"html": extractHTML,
	"eml":  extractEML,
}

// ExtractWith is Extract with explicit limits.
func ExtractWith(ctx context.Context, name string, data []byte, opt Options) (Result, error) {
	opt = opt.withDefaults()
	kind, ok := kindOf(name)
	if !ok {
		return Result{}, fmt.Errorf("%w: %q", ErrUnsupported, filepath.Ext(name))
	}
	if len(data) == 0 {
		return Result{}, ErrEmpty
	}
	if err := checkContent(kind, data); err != nil {
		return Result{}, err
	}
	res, err := run(ctx, opt.Timeout, func(ctx context.Context) (Result, error) {
		return extractors[kind](ctx, data, opt)
	})
	if err != nil {
		return Result{}, err
	}
	res.Kind = kind
	finish(&res, opt.MaxText)
	if kind == "pdf" && res.Text == "" {
		res.NoText = true
	}
	return res, nil
}

// run calls fn in its own goroutine and gives up on it when ctx or the timeout ends. A PDF parser
// call cannot be interrupted, so an abandoned goroutine may run on until it finishes by itself;
// the other extractors check ctx and stop early.
func run(ctx context.Context, timeout time.Duration, fn func(ctx context.Context) (Result, error)) (Result, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := ctxErr(ctx); err != nil {
		return Result{}, err
	}
	type outcome struct {
		res Result
		err error
	}
	done := make(chan outcome, 1) // buffered: an abandoned goroutine must still be able to finish
	go func() {
		var out outcome
		defer func() {
			if p := recover(); p != nil {
				out = outcome{err: fmt.Errorf("%w: %v", ErrCorrupt, p)}
			}
			done <- out
		}()
		out.res, out.err = fn(ctx)
	}()
	select {
	case out := <-done:
		if out.err != nil && ctx.Err() != nil {
			// The extractor stopped because of ctx; report that rather than a parse error.
			return Result{}, ctxErr(ctx)
		}
		return out.res, out.err
	case <-ctx.Done():
		return Result{}, ctxErr(ctx)
	}
}

// ctxErr maps a done context to ErrTimeout (deadline) or the caller's own cancellation.
func ctxErr(ctx context.Context) error {
	switch err := ctx.Err(); err {
	case nil:
		return nil
	case context.DeadlineExceeded:
		return ErrTimeout
	default:
		return err
	}
}

// finish normalises text and metadata and applies the text cap.
func finish(res *Result, maxText int) {
	text := res.Text
	if len(text) > maxText {
		text = cutUTF8(text, maxText)
		res.Truncated = true
	}
	res.Text = normalize(text)
	res.Title = oneLine(res.Title)
	res.Author = oneLine(res.Author)
	res.Sender = oneLine(res.Sender)
}

// oneLine normalises a metadata field to a single trimmed line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(normalize(s)), " ")
}

// cutUTF8 shortens s to at most n bytes without splitting a character.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
