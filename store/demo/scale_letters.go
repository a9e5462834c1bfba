package demo

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// oldLetters drafts n letters of past years, in two or three versions each: a receipt for an adviesaanvraag
// dossier, else an invitation to an OV. They stay drafts: sending archives a Word file per letter, which
// would make the build ten times slower and adds nothing the archive does not have already.
func (g *gen) oldLetters(b model.Body, dossiers []int64, n int) error {
	for i := range n {
		code, dossierID := "uitnodiging-overlegvergadering", int64(0)
		if len(dossiers) > 0 && i%2 == 0 {
			code, dossierID = "ontvangstbevestiging-adviesaanvraag", dossiers[(i/2)%len(dossiers)]
		}
		l, err := g.s.CreateLetter(g.ctx, b.ID, code, dossierID)
		if err != nil {
			return fmt.Errorf("brief %s: %w", code, err)
		}
		g.sum.Letters++
		v, err := g.s.LetterVersion(g.ctx, l.ID, 0)
		if err != nil {
			return err
		}
		on := g.today.AddDays(-30 - g.rnd.IntN(3300))
		for step := 1 + g.rnd.IntN(2); step > 0; step-- {
			fields := map[string]string{}
			for k, val := range v.Fields {
				fields[k] = val
			}
			fields["datum"] = on.String()
			fields["kenmerk"] = fmt.Sprintf("OR-%d-%04d", on.Year(), i+1)
			fields["datum_ov"] = on.AddDays(7 * step).String()
			if v, err = g.s.SaveLetterVersion(g.ctx, l.ID, v.N, v.Source, fields); err != nil {
				return fmt.Errorf("brief %s: %w", code, err)
			}
		}
	}
	return nil
}
