//go:build unix

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// build is the outcome of one `go build`, shared by every test in the run.
type build struct {
	once sync.Once
	bin  string
	err  error
	out  string
}

var (
	buildMu  sync.Mutex
	builds   = map[string]*build{}
	buildDir string
)

// Build compiles the Go main package pkg (a path relative to the test's
// package directory, like "./testdata/hello", or a full import path) once per
// test run and returns the binary's path. Set E2E_RACE=1 to build the binary
// with the race detector; otherwise it is built with CGO_ENABLED=0, like a
// release.
func Build(t testing.TB, pkg string) string {
	t.Helper()
	b, err := buildFor(pkg)
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	b.once.Do(func() {
		name := strings.NewReplacer("/", "_", ".", "_", "\\", "_").Replace(pkg)
		b.bin = filepath.Join(buildDir, name)
		args := []string{"build", "-o", b.bin}
		env := append(os.Environ(), "CGO_ENABLED=0")
		if os.Getenv("E2E_RACE") == "1" {
			args = append(args, "-race")
			env = append(os.Environ(), "CGO_ENABLED=1")
		}
		cmd := exec.Command("go", append(args, pkg)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		b.err, b.out = err, string(out)
	})
	if b.err != nil {
		t.Fatalf("e2e: go build %s: %v\n%s", pkg, b.err, b.out)
	}
	return b.bin
}

func buildFor(pkg string) (*build, error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	if buildDir == "" {
		dir, err := os.MkdirTemp("", "werkbank-e2e-")
		if err != nil {
			return nil, err
		}
		buildDir = dir
	}
	b := builds[pkg]
	if b == nil {
		b = &build{}
		builds[pkg] = b
	}
	return b, nil
}

// RemoveBuilds deletes the binaries Build made. Binaries outlive single tests
// (they are shared by the run), so t.Cleanup cannot remove them; call this
// from TestMain after m.Run.
func RemoveBuilds() {
	buildMu.Lock()
	defer buildMu.Unlock()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
		buildDir = ""
		builds = map[string]*build{}
	}
}
