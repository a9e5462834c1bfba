package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
)

// DefaultDocuments is how many generated documents the plain demo archives.
const DefaultDocuments = 300

// docKinds are the generated documents: a type, title patterns (%s is a topic) and who sends them.
var docKinds = []struct {
	typ     model.DocType
	weight  int
	titles  []string
	senders []string
}{
	{model.DocBriefIn, 5, []string{"Adviesaanvraag %s", "Instemmingsverzoek %s", "Reactie bestuurder op %s", "Informatie over %s"},
		[]string{"bestuurder", "HR-adviseur", "directiesecretaris"}},
	{model.DocBriefUit, 3, []string{"Advies OR over %s", "Informatieverzoek %s", "Ontvangstbevestiging %s", "Initiatiefvoorstel %s"},
		[]string{"OR", "voorzitter OR"}},
	{model.DocVerslag, 4, []string{"Verslag OR-vergadering over %s", "Notulen overlegvergadering: %s", "Verslag commissie %s"},
		[]string{"ambtelijk secretaris", "notulist"}},
	{model.DocAgenda, 2, []string{"Agenda OR-vergadering: %s", "Agenda overlegvergadering: %s"}, []string{"ambtelijk secretaris"}},
	{model.DocNotitie, 3, []string{"Notitie %s", "Memo %s", "Aantekeningen %s"}, []string{"ambtelijk secretaris", "commissielid"}},
	{model.DocRapport, 2, []string{"Rapport %s", "Evaluatie %s", "Onderzoek %s"}, []string{"extern adviesbureau", "arbodienst", "HR"}},
	{model.DocMail, 2, []string{"Vraag van de achterban over %s", "Doorgestuurd: %s"}, []string{"medewerker", "teamleider"}},
}

// archive fills the body's archive: the real files, then n generated documents (0: DefaultDocuments,
// negative: none).
func (g *gen) archive(b model.Body, n int) error {
	if n == 0 {
		n = DefaultDocuments
	}
	if err := g.fileDocuments(b); err != nil {
		return err
	}
	return g.documents(b, n)
}

// documents archives n generated documents of about 2 KB for a body, spread over the last two years,
// through the import like any other file. About one in twenty-five is confidential.
func (g *gen) documents(b model.Body, n int) error {
	if n <= 0 {
		return nil
	}
	voc := newVocabulary()
	batch, err := g.s.NewBatch(g.ctx, model.DocumentMeta{BodyID: b.ID}, func(r model.ImportResult) {
		if r.Status == model.ImportOK {
			g.sum.Documents++
		}
	})
	if err != nil {
		return err
	}
	total := 0
	for _, k := range docKinds {
		total += k.weight
	}
	for i := range n {
		pick := g.rnd.IntN(total)
		k := docKinds[0]
		for _, kk := range docKinds {
			if pick < kk.weight {
				k = kk
				break
			}
			pick -= kk.weight
		}
		t := g.pick(topics)
		topic := strings.ToLower(t[:1]) + t[1:]
		title := fmt.Sprintf(g.pick(k.titles), topic)
		date := g.today.AddDays(-g.rnd.IntN(730))
		sender := g.pick(k.senders)
		if g.rnd.IntN(3) == 0 {
			sender = g.pick(firstNames) + " " + g.pick(lastNames)
		}
		text := title + "\n\n" + voc.text(g.rnd, 1900+g.rnd.IntN(300)) + fmt.Sprintf("\n\nKenmerk OR-%d-%04d", date.Year(), i+1)
		meta := model.DocumentMeta{Title: title, Date: date, Type: k.typ, Sender: sender, Confidential: g.rnd.IntN(25) == 0}
		name := fmt.Sprintf("archief/%d/%s.txt", date.Year(), fileSlug(title))
		if err := batch.Add(name, strings.NewReader(text), meta); err != nil {
			return err
		}
	}
	return batch.Close()
}

func fileSlug(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == ':':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// AddDocuments archives n more generated documents for the active body of a database that holds data
// already (werkbank demo --documenten N on a demo database): a larger archive for trying search.
func AddDocuments(ctx context.Context, s *store.Store, opt Options, n int) (Summary, error) {
	b, err := s.ActiveBody(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("nog geen orgaan: maak eerst een demo of een orgaan")
	}
	if opt.Today.IsZero() {
		opt.Today = s.Today()
	}
	// A different stream per call, so that adding twice adds different documents, not duplicates.
	count, err := s.CountDocuments(ctx, model.DocumentQuery{BodyID: b.ID})
	if err != nil {
		return Summary{}, err
	}
	g := &gen{ctx: ctx, s: s, rnd: rand.New(rand.NewPCG(opt.Seed, uint64(count)^0xd0c)), today: opt.Today}
	err = g.documents(b, n)
	return g.sum, err
}
