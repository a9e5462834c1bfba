package archief

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Complete finishes a path as a shell's tab does: one match is completed (a folder gets its "/"),
// several are completed to what they share and returned as candidates. Hidden entries are offered only
// when the typed name starts with a dot. The value keeps a leading "~" as typed.
func Complete(value string) (string, []string) {
	dir, prefix := filepath.Split(value)
	readDir := expandHome(dir)
	if readDir == "" {
		readDir = "."
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return value, nil
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		if isDir(filepath.Join(readDir, n), e) {
			n += string(filepath.Separator)
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		// No exact match: try ignoring case, as file names on a shared drive are written every way.
		for _, e := range entries {
			if strings.HasPrefix(strings.ToLower(e.Name()), strings.ToLower(prefix)) && !strings.HasPrefix(e.Name(), ".") {
				n := e.Name()
				if isDir(filepath.Join(readDir, n), e) {
					n += string(filepath.Separator)
				}
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	switch len(names) {
	case 0:
		return value, nil
	case 1:
		return dir + names[0], nil
	}
	return dir + commonPrefix(names), names
}

func isDir(path string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink != 0 {
		if fi, err := os.Stat(path); err == nil {
			return fi.IsDir()
		}
	}
	return false
}

func commonPrefix(names []string) string {
	p := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, p) {
			_, size := lastRune(p)
			p = p[:len(p)-size]
		}
	}
	return p
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return rune(s[i]), len(s) - i
		}
	}
	return 0, len(s)
}

// expandHome turns a leading "~" into the home folder.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}
