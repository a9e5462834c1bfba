package demo

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// The generated archive reads like Dutch without being Dutch: a vocabulary of about 20,000 words whose
// frequencies follow Zipf's law, as in real text, so that full-text search meets the same mix of very
// common and very rare words it meets in a real archive. The most frequent words are real Dutch
// function words, then the domain words of a works council; the long tail is made from Dutch
// syllables.

// VocabularySize is the number of distinct words the generator uses.
const VocabularySize = 20_000

var functionWords = strings.Fields(`de het een van en in is dat op te voor met zijn niet aan er
	om ook als bij door over uit naar dan maar of wordt worden nog wel geen meer deze die dit was
	werd kan kunnen moet moeten zal zullen heeft hebben had al tot onder tussen na sinds omdat
	zodat waarbij waarin wanneer hoe wat wie welke zo hier daar nu dus echter binnen zonder tegen
	per vanuit volgens namens alle andere eigen goed nieuwe grote verder vooral alleen steeds`)

var domainWords = strings.Fields(`ondernemingsraad bestuurder medewerkers organisatie advies
	adviesaanvraag instemming instemmingsverzoek besluit voorgenomen reorganisatie vergadering
	overlegvergadering agenda verslag notulen achterban commissie voorzitter secretaris
	ambtelijk regeling beleid personeel werkdruk rooster roosters thuiswerken thuiswerkregeling
	verzuim arbo arbeidsomstandigheden preventiemedewerker risico-inventarisatie scholing
	opleiding begroting jaarrekening financiën formatie functies functiebeschrijving
	loopbaan beoordeling gesprekscyclus vacature werving inzetbaarheid vitaliteit
	cliënten zorg locatie locaties afdeling afdelingen team teams leidinggevende directie
	raad toezicht toezichthouder cao vakbond vakbonden sociaal plan afvloeiing herplaatsing
	boventalligheid functiewijziging medezeggenschap initiatiefvoorstel informatieverzoek
	geheimhouding vertrouwelijk termijn opschorting beroep ondernemingskamer kantonrechter
	privacy persoonsgegevens cameratoezicht reiskosten fietsregeling kantine huisvesting
	verbouwing facilitaire dienst schoonmaak catering ict systeem systemen digitalisering
	communicatie intranet nieuwsbrief enquête tevredenheid onderzoek evaluatie pilot
	planning jaarplan doelstellingen kwartaal rapportage kengetallen ziekteverzuim
	flexkrachten uitzendkrachten oproepkrachten contracten tijdelijk vast dienstverband
	ploegendienst nachtdienst weekenddienst overwerk compensatie verlof vakantie
	verlofregeling pensioen salaris toeslag onregelmatigheidstoeslag werkgever werknemers
	overleg constructief zorgvuldig standpunt reactie toelichting vragen antwoorden
	gevolgen consequenties maatregelen voorstel voorstellen alternatief alternatieven
	draagvlak transparantie tijdpad implementatie uitvoering borging evaluatiemoment`)

// syllables build the long tail of the vocabulary: Dutch-looking, never a real sentence.
var (
	onsets = strings.Fields("b d f g h j k l m n p r s t v w z br dr gr kr pr st sp sl sch str tr vr zw bl kl gl fl")
	nuclei = strings.Fields("a e i o u aa ee oo uu ie oe ou ei ij au eu ui")
	codas  = []string{"", "", "", "n", "r", "l", "s", "t", "k", "m", "ng", "rd", "nd", "ld", "rk", "cht", "st", "ns"}
	tails  = strings.Fields("ing heid lijk baar schap atie ering erij isme aar ist tje en er te")
)

// vocabulary is the generator's word list by frequency rank, and cum its cumulative Zipf weights.
type vocabulary struct {
	words []string
	cum   []float64
}

// newVocabulary builds the fixed vocabulary: the same words in the same order for every seed, so a
// demo archive made with seed 1 today is the archive made with seed 1 next year.
func newVocabulary() *vocabulary {
	rnd := rand.New(rand.NewPCG(20_000, 0xd0c5))
	seen := make(map[string]bool, VocabularySize)
	v := &vocabulary{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			v.words = append(v.words, w)
		}
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range domainWords {
		add(w)
	}
	for len(v.words) < VocabularySize {
		var b strings.Builder
		for n := 1 + rnd.IntN(3); n > 0; n-- {
			b.WriteString(onsets[rnd.IntN(len(onsets))])
			b.WriteString(nuclei[rnd.IntN(len(nuclei))])
			b.WriteString(codas[rnd.IntN(len(codas))])
		}
		if rnd.IntN(3) == 0 {
			b.WriteString(tails[rnd.IntN(len(tails))])
		}
		add(b.String())
	}
	v.cum = make([]float64, len(v.words))
	total := 0.0
	for r := range v.words {
		total += 1 / math.Pow(float64(r+1), 1.05)
		v.cum[r] = total
	}
	for r := range v.cum {
		v.cum[r] /= total
	}
	return v
}

// word draws one word by its Zipf frequency.
func (v *vocabulary) word(rnd *rand.Rand) string {
	return v.words[sort.SearchFloat64s(v.cum, rnd.Float64())]
}

// domainWord draws a word of the works council's own vocabulary.
func (v *vocabulary) domainWord(rnd *rand.Rand) string {
	return domainWords[rnd.IntN(len(domainWords))]
}

// sentence writes one sentence of 6 to 18 words, with a domain word now and then so that every
// document is about something.
func (v *vocabulary) sentence(b *strings.Builder, rnd *rand.Rand) {
	n := 6 + rnd.IntN(13)
	for i := range n {
		w := v.word(rnd)
		if rnd.IntN(6) == 0 {
			w = v.domainWord(rnd)
		}
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if i < n-1 && rnd.IntN(12) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteString(". ")
}

// text writes paragraphs until about size bytes.
func (v *vocabulary) text(rnd *rand.Rand, size int) string {
	var b strings.Builder
	b.Grow(size + 200)
	for b.Len() < size {
		for n := 3 + rnd.IntN(4); n > 0 && b.Len() < size; n-- {
			v.sentence(&b, rnd)
		}
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String())
}
