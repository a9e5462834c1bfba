package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes a file atomically: write fills a temporary file (mode 0600) in the target directory,
// which is synced and then renamed over path. On any failure the temporary file is removed, so a reader
// sees either the old file or the complete new one, never a half-written export.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	info, statErr := os.Stat(dir)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("map bestaat niet: %s", dir)
	case statErr != nil:
		return fmt.Errorf("kan niet schrijven in %s: %w", dir, statErr)
	case !info.IsDir():
		return fmt.Errorf("geen map: %s", dir)
	}

	// The temporary file lives beside the target so the rename stays on one file system.
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("kan niet schrijven in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("kan %s niet opslaan: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("kan %s niet opslaan: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("kan %s niet opslaan: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the platform allows it; Windows cannot sync a directory,
// and the file is already complete, so a failure here is not reported.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
