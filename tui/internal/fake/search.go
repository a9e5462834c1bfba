package fake

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// The fake's search: every word of the query (lower-cased; "word*" a prefix) must start a word of
// the title or text; "type:X" filters. Title hits first, then newest first. It has none of the real
// search's stemming or diacritics: views only need hits, counts and marked snippets to draw.

// SearchDelay, when set, makes each search wait, so that tests can type faster than it answers.
var SearchDelay time.Duration

// searches holds each fake's search log beside it.
var searches sync.Map // *Store -> *[]string

// Searches lists the searches run, in order, for tests that check stale answers are dropped.
func (s *Store) Searches() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, _ := searches.LoadOrStore(s, &[]string{})
	return slices.Clone(*v.(*[]string))
}

func (s *Store) SearchText(_ context.Context, text string, opt model.SearchOptions) (model.SearchResult, error) {
	if SearchDelay > 0 {
		time.Sleep(SearchDelay)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, _ := searches.LoadOrStore(s, &[]string{})
	log := v.(*[]string)
	*log = append(*log, text)
	var words []string
	typ := ""
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if v, ok := strings.CutPrefix(w, "type:"); ok {
			typ = v
			continue
		}
		words = append(words, w)
	}
	res := model.SearchResult{Hits: []model.SearchHit{}, Terms: words}
	var title, body []model.SearchHit
	for _, d := range s.a().docs {
		if d.BodyID != opt.BodyID && opt.BodyID != 0 || typ != "" && string(d.Type) != typ {
			continue
		}
		inTitle, inText := has(d.Title, words), has(d.Title+" "+d.Text, words)
		if !inText {
			continue
		}
		h := model.SearchHit{Kind: model.HitDocument, ID: d.ID, Title: d.Title, Type: string(d.Type), Date: d.Date,
			DossierID: d.DossierID, DossierTitle: d.DossierTitle, Sender: d.Sender, Confidential: d.Confidential,
			Snippet: mark(d.Text, words)}
		if inTitle && !opt.SortByDate {
			title = append(title, h)
		} else {
			body = append(body, h)
		}
	}
	all := append(title, body...)
	if opt.SortByDate {
		slices.SortStableFunc(all, func(a, b model.SearchHit) int { return b.Date.Compare(a.Date) })
	}
	res.Count = min(len(all), model.CountCap)
	res.CountCapped = len(all) > model.CountCap
	limit := opt.Limit
	if limit <= 0 {
		limit = 50
	}
	res.Hits = append(res.Hits, all[min(opt.Offset, len(all)):min(opt.Offset+limit, len(all))]...)
	return res, nil
}

// has reports whether every word starts a word of text.
func has(text string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if len(matchAt(text, w)) == 0 {
			return false
		}
	}
	return true
}

// matchAt finds the words of text that word starts (word* or word: the same here).
func matchAt(text, word string) []model.TextSpan {
	word = strings.TrimSuffix(word, "*")
	lower := strings.ToLower(text)
	var out []model.TextSpan
	for i := 0; word != "" && i < len(lower); {
		j := strings.Index(lower[i:], word)
		if j < 0 {
			break
		}
		start := i + j
		if start == 0 || !isLetter(lower[start-1]) {
			end := start + len(word)
			for end < len(lower) && isLetter(lower[end]) {
				end++
			}
			out = append(out, model.TextSpan{Start: start, End: end})
			i = end
			continue
		}
		i = start + len(word)
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// MatchSpans marks the words the fake search would find.
func (s *Store) MatchSpans(text string, terms []string) []model.TextSpan { return spans(text, terms) }

func spans(text string, terms []string) []model.TextSpan {
	var out []model.TextSpan
	for _, t := range terms {
		out = append(out, matchAt(text, t)...)
	}
	slices.SortFunc(out, func(a, b model.TextSpan) int { return a.Start - b.Start })
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp.Start < merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// mark is a one-line snippet: the text from a little before its first match, matches in »«.
func mark(text string, words []string) string {
	found := spans(text, words)
	start := 0
	if len(found) > 0 && found[0].Start > 20 {
		start = strings.LastIndexByte(text[:found[0].Start-10], ' ') + 1
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	last := start
	for _, sp := range found {
		if sp.Start < last {
			continue
		}
		b.WriteString(text[last:sp.Start] + "»" + text[sp.Start:sp.End] + "«")
		last = sp.End
	}
	b.WriteString(text[last:])
	return strings.Join(strings.Fields(b.String()), " ")
}
