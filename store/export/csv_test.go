package export

import (
	"bytes"
	"testing"
)

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	err := CSV(&buf, []string{"Nr", "Actie", "Wie"}, [][]string{
		{"1", "Notulen; rondsturen", "Anouk"},
		{"2", `Brief "Zoë"`, "Piet\nen Ïda"},
		{"-3,5", "=SOM(A1:A2)", "@bestuurder"},
		{"", "- streepje", "+31 30 123"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFNr;Actie;Wie\r\n" +
		"1;\"Notulen; rondsturen\";Anouk\r\n" +
		"2;\"Brief \"\"Zoë\"\"\";\"Piet\r\nen Ïda\"\r\n" + // encoding/csv writes CRLF inside quotes too
		"-3,5;'=SOM(A1:A2);'@bestuurder\r\n" +
		";'- streepje;'+31 30 123\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
