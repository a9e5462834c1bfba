package letter

import "strings"

// DiffOp says what happened to a line between two versions.
type DiffOp byte

const (
	Same    DiffOp = ' '
	Removed DiffOp = '-'
	Added   DiffOp = '+'
)

// DiffLine is one line of a diff.
type DiffLine struct {
	Op   DiffOp
	Text string
}

// String is the line as a unified diff shows it: "+ text", "- text", "  text".
func (l DiffLine) String() string { return string(l.Op) + " " + l.Text }

// Diff compares two texts line by line (longest common subsequence), so the AS sees exactly which lines
// a version changed. Letters are short; the quadratic table stays small.
func Diff(a, b string) []DiffLine {
	x, y := splitLines(a), splitLines(b)
	n, m := len(x), len(y)
	// lcs[i][j] is the length of the longest common subsequence of x[i:] and y[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			out = append(out, DiffLine{Same, x[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{Removed, x[i]})
			i++
		default:
			out = append(out, DiffLine{Added, y[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffLine{Removed, x[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffLine{Added, y[j]})
	}
	return out
}

// Changed counts the added and removed lines of a diff.
func Changed(d []DiffLine) (added, removed int) {
	for _, l := range d {
		switch l.Op {
		case Added:
			added++
		case Removed:
			removed++
		}
	}
	return added, removed
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
