// Package export turns werkbank's content into files a user hands to someone else: a format-neutral
// document (Doc) written as Markdown, plain text, DOCX or PDF, plus iCalendar invitations, draft e-mails
// (.eml), CSV for Excel, and atomic file writing shared by all of them.
//
// Confidentiality is the caller's job, not this package's: a caller that exports for anyone but the AS
// builds the openbare Doc itself (leaving out what the model's confidentiality rule excludes) before it
// calls a writer. The writers render exactly what they are given.
//
// User-facing errors are Dutch; the writers never read the clock except where a format demands a
// timestamp (DTSTAMP in iCalendar), and then the caller can fix it.
package export

// Doc is a document independent of its output format. Title and Subtitle open the document; Blocks follow
// in order.
type Doc struct {
	Title    string
	Subtitle string
	Author   string // file metadata only (DOCX and PDF properties)
	// HideTitle keeps Title and Subtitle out of the visible text, leaving Title as file metadata: a
	// letter has a "Betreft:" line instead of a heading.
	HideTitle bool
	Blocks    []Block
}

// Block is one piece of a Doc: Heading, Paragraph, List, Table, KeyValues, Signatures, Spacer or
// PageBreak. The set is closed so that every writer can handle every block.
type Block interface{ block() }

// Heading is a section title of level 1 to 3; other levels are clamped.
type Heading struct {
	Level int
	Text  string
}

// Align is the horizontal alignment of a paragraph.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Paragraph is running text. A "\n" inside Text is a line break within the paragraph (an address, a
// sender block); the writers wrap long lines themselves.
type Paragraph struct {
	Text  string
	Align Align
	Bold  bool
}

// List is a bullet list, or a numbered list starting at 1 when Numbered is set.
type List struct {
	Items    []string
	Numbered bool
}

// Table is a grid with an optional header row. Widths, when given, are relative column widths (any
// unit; only the proportions count); otherwise they follow the length of the content.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []float64
}

// KeyValue is one line of a KeyValues block, for example {"Datum", "14 april 2025"}.
type KeyValue struct {
	Key, Value string
}

// KeyValues is a short list of labelled values with the values aligned: "Kenmerk:", "Uw kenmerk:",
// "Datum:". A Key is written followed by a colon.
type KeyValues struct {
	Pairs []KeyValue
}

// Signer is one person who signs, with the role under the name ("voorzitter").
type Signer struct {
	Name, Role string
}

// Signatures leaves room for signing above each signer's name. Signers stand side by side (two per row)
// unless Stacked is set, in which case they stand one under the other.
type Signatures struct {
	Signers []Signer
	Stacked bool
}

// Spacer is an empty line of vertical space.
type Spacer struct{}

// PageBreak starts a new page in DOCX and PDF; Markdown shows a thematic break, plain text a blank line.
type PageBreak struct{}

func (Heading) block()    {}
func (Paragraph) block()  {}
func (List) block()       {}
func (Table) block()      {}
func (KeyValues) block()  {}
func (Signatures) block() {}
func (Spacer) block()     {}
func (PageBreak) block()  {}

// headingLevel clamps a level to 1..3 so a caller's mistake never produces an invalid style.
func headingLevel(l int) int {
	return min(max(l, 1), 3)
}
