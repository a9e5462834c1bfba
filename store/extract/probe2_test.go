package extract

import (
	"bytes"
	"io"
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestProbe2(t *testing.T) {
	data := fpdfPDF(t, "Notulen", "€é")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	p := r.Page(1)
	c := p.V.Key("Contents")
	t.Log(c.Kind())
	b, _ := io.ReadAll(c.Reader())
	t.Logf("%q", b)
	for _, n := range p.Fonts() {
		f := p.Font(n)
		t.Log(n, f.V.Key("Subtype").Name(), f.V.Key("Encoding"))
		b, _ := io.ReadAll(f.V.Key("ToUnicode").Reader())
		t.Logf("%q", b)
		f2 := loadFont(f)
		t.Logf("%+v %+v", f2.toUnicode, f2.twoByte)
	}
}
