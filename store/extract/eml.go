package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // charsets of encoded headers (windows-1252, iso-8859-1, ...)
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	htmlcharset "golang.org/x/net/html/charset"

	"github.com/werkbank-nl/werkbank/model"
)

// maxMIMEDepth bounds nested multiparts; real mail nests three or four deep.
const maxMIMEDepth = 20

// extractEML reads one mail: its headers and text body become the text, and every attachment
// (including a forwarded message/rfc822, as a .eml) is returned separately with its decoded bytes.
func extractEML(ctx context.Context, data []byte, opt Options) (Result, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("From ")) { // mbox separator line
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	br := bufio.NewReader(bytes.NewReader(data))
	h, err := textproto.ReadHeader(br)
	if err != nil {
		return Result{}, fmt.Errorf("%w: kopregels onleesbaar: %v", ErrCorrupt, err)
	}
	hdr := mail.Header{Header: message.Header{Header: h}}

	m := &mailWalk{ctx: ctx, opt: opt}
	if err := m.walk(h, br, 0); err != nil {
		return Result{}, err
	}

	var res Result
	res.Title = headerText(hdr, "Subject")
	res.Sender = addresses(hdr, "From")
	if d, err := hdr.Date(); err == nil {
		res.Date = d
	}
	res.Attachments = m.attachments
	res.SkippedAttachments = m.skipped

	out := newTextBuf(opt.MaxText)
	for _, f := range []struct{ label, value string }{
		{"Van", res.Sender},
		{"Aan", addresses(hdr, "To")},
		{"Cc", addresses(hdr, "Cc")},
		{"Datum", dutchDateTime(res.Date)},
		{"Onderwerp", res.Title},
	} {
		if f.value != "" {
			out.WriteString(f.label + ": " + f.value + "\n")
		}
	}
	out.WriteString("\n")
	body := strings.Join(m.plain, "\n\n")
	if strings.TrimSpace(body) == "" {
		body = strings.Join(m.html, "\n\n")
	}
	out.WriteString(body)
	if len(m.attachments) > 0 || m.skipped > 0 {
		out.WriteString("\n\nBijlagen:\n")
		for _, a := range m.attachments {
			out.WriteString("- " + a.Name + "\n")
		}
	}
	if m.skipped > 0 {
		out.WriteString(fmt.Sprintf("Let op: nog %d bijlagen niet opgenomen (maximaal %d per mail).\n",
			m.skipped, opt.MaxAttachments))
	}
	if m.tooDeep {
		out.WriteString("Let op: een deel van deze mail is te diep genest en niet gelezen.\n")
	}
	res.Text = out.String()
	res.Truncated = out.full() || m.truncated
	return res, nil
}

// mailWalk collects the text parts and attachments of a MIME tree.
type mailWalk struct {
	ctx         context.Context
	opt         Options
	plain, html []string
	textBytes   int
	attachments []Attachment
	skipped     int
	tooDeep     bool
	truncated   bool
}

func (m *mailWalk) walk(h textproto.Header, body io.Reader, depth int) error {
	if err := m.ctx.Err(); err != nil {
		return err
	}
	mh := message.Header{Header: h}
	mediaType, params, err := mh.ContentType()
	if err != nil {
		mediaType, params = "text/plain", nil // as RFC 2045 says for an unreadable Content-Type
	}
	disp, _, _ := mh.ContentDisposition()

	if strings.HasPrefix(mediaType, "multipart/") {
		if depth >= maxMIMEDepth {
			m.tooDeep = true
			return nil
		}
		mr := textproto.NewMultipartReader(body, params["boundary"])
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				// A broken or missing final boundary is common in the wild; keep what was read.
				if len(m.plain)+len(m.html)+len(m.attachments) > 0 {
					return nil
				}
				return fmt.Errorf("%w: MIME-delen onleesbaar: %v", ErrCorrupt, err)
			}
			if err := m.walk(part.Header, part, depth+1); err != nil {
				return err
			}
		}
	}

	name := attachmentName(mh)
	isText := mediaType == "text/plain" || mediaType == "text/html"
	if disp != "attachment" && name == "" && isText {
		return m.addText(mh, mediaType, params["charset"], body)
	}
	if mediaType == "message/rfc822" && name == "" {
		name = "doorgestuurd bericht.eml"
	}
	if name == "" {
		name = "bijlage" + extensionFor(mediaType)
	}
	if len(m.attachments) >= m.opt.MaxAttachments {
		m.skipped++
		return nil // the multipart reader skips the unread body
	}
	data, err := io.ReadAll(decodedBody(mh, body))
	if err != nil && len(data) == 0 {
		return fmt.Errorf("%w: bijlage %q onleesbaar: %v", ErrCorrupt, name, err)
	}
	m.attachments = append(m.attachments, Attachment{Name: name, Data: data})
	return nil
}

// addText decodes a text part with its charset and keeps it, up to the text limit.
func (m *mailWalk) addText(mh message.Header, mediaType, charset string, body io.Reader) error {
	room := m.opt.MaxText - m.textBytes
	if room <= 0 {
		m.truncated = true
		return nil
	}
	raw, err := io.ReadAll(io.LimitReader(decodedBody(mh, body), int64(room)+1))
	if err != nil && len(raw) == 0 {
		return fmt.Errorf("%w: tekst van de mail onleesbaar: %v", ErrCorrupt, err)
	}
	if len(raw) > room {
		raw = raw[:room]
		m.truncated = true
	}
	text := decodeCharset(raw, charset)
	if mediaType == "text/html" {
		_, t, trunc, err := htmlText(m.ctx, strings.NewReader(text), room)
		if err != nil {
			return err
		}
		m.truncated = m.truncated || trunc
		m.html = append(m.html, t)
	} else {
		m.plain = append(m.plain, text)
	}
	m.textBytes += len(text)
	return nil
}

// decodedBody undoes the Content-Transfer-Encoding only. Charsets are ours to handle: go-message
// would also convert an attached text file, and its bytes must stay as they were sent.
func decodedBody(mh message.Header, body io.Reader) io.Reader {
	h := mh.Copy()
	h.Set("Content-Type", "application/octet-stream")
	e, err := message.New(h, body)
	if err != nil && e == nil {
		return body
	}
	return e.Body
}

// decodeCharset converts text in the declared charset to UTF-8 with the WHATWG label rules, which
// read "iso-8859-1" as Windows-1252 as mail programs mean it. Undeclared or wrongly declared UTF-8
// falls back to Windows-1252.
func decodeCharset(raw []byte, label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label != "" && label != "utf-8" && label != "utf8" && label != "us-ascii" {
		if enc, _ := htmlcharset.Lookup(label); enc != nil {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				return string(out)
			}
		}
	}
	return decodeText(raw)
}

// attachmentName returns the part's file name without any directory, or "".
func attachmentName(mh message.Header) string {
	ah := mail.AttachmentHeader{Header: mh}
	name, _ := ah.Filename()
	if name == "" {
		// Some mailers put RFC 2047 words inside the quoted name, which the parameter parser leaves alone.
		return ""
	}
	if dec, err := new(mime.WordDecoder).DecodeHeader(name); err == nil {
		name = dec
	}
	if !utf8.ValidString(name) {
		name = decode1252([]byte(name))
	}
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" || name == ".." {
		return ""
	}
	return strings.TrimSpace(name)
}

func extensionFor(mediaType string) string {
	if mediaType == "message/rfc822" {
		return ".eml"
	}
	if exts, _ := mime.ExtensionsByType(mediaType); len(exts) > 0 {
		return exts[0]
	}
	return ""
}

// headerText decodes an RFC 2047 header; raw 8-bit bytes are taken as UTF-8 or else Windows-1252.
func headerText(h mail.Header, key string) string {
	s, err := h.Text(key)
	if err != nil {
		s = h.Get(key)
	}
	if !utf8.ValidString(s) {
		s = decode1252([]byte(s))
	}
	return s
}

// addresses formats an address header as "Naam <adres>, ..."; an unparseable one is shown as written.
func addresses(h mail.Header, key string) string {
	list, err := h.AddressList(key)
	if err != nil || len(list) == 0 {
		return headerText(h, key)
	}
	parts := make([]string, 0, len(list))
	for _, a := range list {
		name := a.Name
		if !utf8.ValidString(name) {
			name = decode1252([]byte(name))
		}
		if name == "" {
			parts = append(parts, a.Address)
		} else {
			parts = append(parts, name+" <"+a.Address+">")
		}
	}
	return strings.Join(parts, ", ")
}

// dutchDateTime formats a mail date for the text: "14 maart 2025 10:30".
func dutchDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d %02d:%02d", t.Day(), model.MonthName(t.Month()), t.Year(), t.Hour(), t.Minute())
}
