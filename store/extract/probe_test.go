package extract

import (
	"context"
	"testing"
)

func TestProbe(t *testing.T) {
	for name, data := range map[string][]byte{
		"fpdf.pdf": fpdfPDF(t, "Notulen van de OR", dutch),
		"hand.pdf": handPDF("Agenda OR", dutch),
		"enc.pdf":  protectedPDF(t, "geheim"),
		"enc0.pdf": protectedPDF(t, ""),
		"scan.pdf": scanPDF(t),
	} {
		res, err := Extract(context.Background(), name, data)
		t.Logf("%s: %q %q %v err=%v notext=%v", name, res.Text, res.Title, res.Date, err, res.NoText)
	}
}
