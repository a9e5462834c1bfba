package inzicht

import "github.com/werkbank-nl/werkbank/model"

// SecrecyFigures count art 20 WOR impositions: how often confidentiality was imposed, and how many ran
// out without the AS reviewing and releasing the data. Never what was imposed: no subject, no name.
type SecrecyFigures struct {
	// Imposed counts impositions starting in the period.
	Imposed int `json:"imposed"`
	// Expired counts impositions whose end date passed in the period (by AsOf); ExpiredUnreviewed
	// those not released by the AS (still withheld from every shared copy).
	Expired           int `json:"expired"`
	ExpiredUnreviewed int `json:"expired_unreviewed"`
	Released          int `json:"released"`
	// Active counts impositions in force on AsOf; WithoutEnd those of them with no end date.
	Active     int `json:"active"`
	WithoutEnd int `json:"without_end"`
}

func secrecy(is []model.Imposition, p Period, today model.Date) SecrecyFigures {
	var f SecrecyFigures
	asOf := p.asOf(today)
	for _, i := range is {
		if p.Contains(i.From) {
			f.Imposed++
		}
		if p.Contains(i.Until) && asOf.After(i.Until) {
			f.Expired++
			if !releasedBy(i, asOf) {
				f.ExpiredUnreviewed++
			}
		}
		if p.Contains(i.Released) {
			f.Released++
		}
		began := i.From.IsZero() || !i.From.After(asOf)
		if began && !releasedBy(i, asOf) && (i.Until.IsZero() || !asOf.After(i.Until)) {
			f.Active++
			if i.Until.IsZero() {
				f.WithoutEnd++
			}
		}
	}
	return f
}

func releasedBy(i model.Imposition, day model.Date) bool {
	return !i.Released.IsZero() && !i.Released.After(day)
}
