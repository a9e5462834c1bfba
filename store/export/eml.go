package export

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/emersion/go-message/mail"
)

// Mail is a draft e-mail for the user's own mail program.
type Mail struct {
	From        Person
	To, Cc      []Person
	Subject     string
	TextBody    string
	HTMLBody    string // optional; sent as the alternative to TextBody
	Attachments []Attachment
	Date        time.Time // zero leaves the Date header out, as in an unsent draft
}

// Attachment is a file attached to a Mail.
type Attachment struct {
	Name        string
	ContentType string // "application/pdf"; empty means application/octet-stream
	Data        []byte
}

// EML writes m as a MIME message marked as a draft: "X-Unsent: 1" makes Outlook open it ready to send, and
// Thunderbird opens it as a message it can "Edit as New". Headers with non-ASCII text (Dutch names) are
// RFC 2047 encoded; the body is multipart/mixed with quoted-printable text and base64 attachments.
func EML(w io.Writer, m Mail) error {
	if m.From.Email == "" && len(m.To) == 0 {
		return errors.New("e-mail zonder afzender en zonder geadresseerde")
	}
	var h mail.Header
	h.Set("X-Unsent", "1")
	if m.From.Email != "" {
		h.SetAddressList("From", addresses([]Person{m.From}))
	}
	h.SetAddressList("To", addresses(m.To))
	h.SetAddressList("Cc", addresses(m.Cc))
	h.SetSubject(m.Subject)
	h.SetDate(m.Date)

	mw, err := mail.CreateWriter(w, h)
	if err != nil {
		return fmt.Errorf("e-mail maken: %w", err)
	}
	if err := writeBodies(mw, m); err != nil {
		return fmt.Errorf("e-mail maken: %w", err)
	}
	for _, a := range m.Attachments {
		if err := writeAttachment(mw, a); err != nil {
			return fmt.Errorf("bijlage %s: %w", a.Name, err)
		}
	}
	return mw.Close()
}

func addresses(ps []Person) []*mail.Address {
	var out []*mail.Address
	for _, p := range ps {
		if p.Email != "" {
			out = append(out, &mail.Address{Name: p.Name, Address: p.Email})
		}
	}
	return out
}

// writeBodies writes the text, and the HTML as its alternative when there is one.
func writeBodies(mw *mail.Writer, m Mail) error {
	iw, err := mw.CreateInline()
	if err != nil {
		return err
	}
	parts := []struct{ typ, body string }{{"text/plain", m.TextBody}}
	if m.HTMLBody != "" {
		parts = append(parts, struct{ typ, body string }{"text/html", m.HTMLBody})
	}
	for _, p := range parts {
		var ih mail.InlineHeader
		ih.SetContentType(p.typ, map[string]string{"charset": "utf-8"})
		pw, err := iw.CreatePart(ih)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(pw, p.body); err != nil {
			return err
		}
		if err := pw.Close(); err != nil {
			return err
		}
	}
	return iw.Close()
}

func writeAttachment(mw *mail.Writer, a Attachment) error {
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	var ah mail.AttachmentHeader
	// go-message writes a non-ASCII name as an RFC 2047 word in both parameters, which Outlook (that
	// reads the Content-Type name) and Thunderbird (the Content-Disposition filename) both decode.
	ah.SetContentType(ct, map[string]string{"name": a.Name})
	ah.SetFilename(a.Name)
	aw, err := mw.CreateAttachment(ah)
	if err != nil {
		return err
	}
	if _, err := aw.Write(a.Data); err != nil {
		return err
	}
	return aw.Close()
}
