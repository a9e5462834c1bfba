package search

import (
	"strings"
	"sync"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// StemText is the text for a stem column: every word of s folded and reduced to its Dutch Snowball
// stem, joined by single spaces ("De vergaderingen over ideeën" -> "de vergader over ideeen"). The
// same function stems query words, so a word and its inflections meet in the stem columns.
func StemText(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	var buf []byte
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == len(s) {
			break
		}
		i = end
		buf = appendFold(buf[:0], s[start:end])
		if len(buf) == 0 {
			continue
		}
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		if stemmable(buf) {
			out.WriteString(stemFolded(buf))
		} else {
			out.Write(buf)
		}
	}
	return out.String()
}

// stemWord stems one folded word.
func stemWord(w string) string {
	if !stemmable([]byte(w)) {
		return w
	}
	return stemFolded([]byte(w))
}

// stemmable reports whether the stemmer could change w: not for numbers, nor for words so short that
// Snowball's regions leave nothing to remove.
func stemmable(w []byte) bool {
	return len(w) >= 3 && len(w) <= maxStemLen && !digitsOnly(w)
}

// maxStemLen bounds the words given to the stemmer: no Dutch word is longer, and the Snowball runtime
// copies the word for each suffix it removes.
const maxStemLen = 64

// stems caches stems by folded word. An archive's vocabulary is small next to its word count (the
// same few thousand words in every letter), and the Snowball runtime allocates several strings per
// word, so the cache is what makes StemText fast. It is emptied when full rather than evicted
// precisely: cheap, and a bound on memory for an import of odd text (tables of numbers, codes).
var stems = struct {
	sync.RWMutex
	m map[string]string
}{m: make(map[string]string)}

const maxStems = 50_000

var envs = sync.Pool{New: func() any { return snowballstem.NewEnv("") }}

// stemFolded stems a folded, stemmable word.
func stemFolded(w []byte) string {
	stems.RLock()
	st, ok := stems.m[string(w)] // no allocation: the compiler reads the bytes in place
	stems.RUnlock()
	if ok {
		return st
	}
	word := string(w)
	env := envs.Get().(*snowballstem.Env)
	env.SetCurrent(word)
	dutch.Stem(env)
	st = env.Current()
	envs.Put(env)
	stems.Lock()
	if len(stems.m) >= maxStems {
		clear(stems.m)
	}
	stems.m[word] = st
	stems.Unlock()
	return st
}

func digitsOnly(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
