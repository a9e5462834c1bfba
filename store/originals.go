package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
)

// WriteOriginal writes the original bytes of a document to w, one chunk at a time.
func (s *Store) WriteOriginal(ctx context.Context, id int64, w io.Writer) error {
	var sha string
	var size int64
	err := s.r.QueryRowContext(ctx, "SELECT COALESCE(sha256, ''), size FROM documents WHERE id = ?", id).Scan(&sha, &size)
	if err != nil {
		return mapErr(err)
	}
	if sha == "" {
		return fmt.Errorf("dit document heeft geen origineel")
	}
	rows, err := s.r.QueryContext(ctx, "SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY seq", sha)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	var n int64
	var buf []byte
	for rows.Next() {
		if err := rows.Scan(&buf); err != nil {
			return err
		}
		k, err := w.Write(buf)
		n += int64(k)
		if err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	if n != size {
		return fmt.Errorf("origineel onvolledig: %d van %d bytes", n, size)
	}
	return nil
}

// SaveOriginal writes a document's original to path, atomically. A path that is a folder gets the
// original file name inside it. An existing file is never overwritten. It returns the path written.
func (s *Store) SaveOriginal(ctx context.Context, id int64, path string) (string, error) {
	d, err := s.Document(ctx, id)
	if err != nil {
		return "", err
	}
	path = expandHome(strings.TrimSpace(path))
	if path == "" {
		return "", model.Invalid("path", "geef een pad op")
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		path = filepath.Join(path, safeName(d.FileName, id))
	}
	if _, err := os.Lstat(path); err == nil {
		return "", model.Invalid("path", fmt.Sprintf("%s bestaat al: kies een andere naam", path))
	}
	err = export.WriteFile(path, func(w io.Writer) error { return s.WriteOriginal(ctx, id, w) })
	return path, err
}

// expandHome turns a leading "~/" into the home folder, as a shell would.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

// safeName keeps a stored file name from leaving the folder it is written to.
func safeName(name string, id int64) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "" || name == "." || name == ".." || name == "/" {
		return fmt.Sprintf("document-%d", id)
	}
	return name
}

// viewerFiles are the private folders of originals opened in the system viewer, per store; they are
// removed when the store is closed (when werkbank exits).
var viewerFiles = struct {
	sync.Mutex
	dirs map[*Store]string
}{dirs: map[*Store]string{}}

// OriginalTempFile writes a document's original to a private temporary file (0600, in a 0700 folder)
// for the system viewer, and returns its path. The folder is removed when the store is closed.
func (s *Store) OriginalTempFile(ctx context.Context, id int64) (string, error) {
	d, err := s.Document(ctx, id)
	if err != nil {
		return "", err
	}
	dir, err := s.viewerDir()
	if err != nil {
		return "", err
	}
	sub, err := os.MkdirTemp(dir, fmt.Sprintf("%d-", id))
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijk bestand maken: %w", err)
	}
	path := filepath.Join(sub, safeName(d.FileName, id))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijk bestand maken: %w", err)
	}
	if err := s.WriteOriginal(ctx, id, f); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

func (s *Store) viewerDir() (string, error) {
	viewerFiles.Lock()
	defer viewerFiles.Unlock()
	if dir, ok := viewerFiles.dirs[s]; ok {
		if _, err := os.Stat(dir); err == nil {
			return dir, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	dir, err := os.MkdirTemp("", "werkbank-open-*") // MkdirTemp makes it 0700
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijke map maken: %w", err)
	}
	if _, registered := viewerFiles.dirs[s]; !registered {
		s.cleanup = append(s.cleanup, func() {
			viewerFiles.Lock()
			d := viewerFiles.dirs[s]
			delete(viewerFiles.dirs, s)
			viewerFiles.Unlock()
			os.RemoveAll(d)
		})
	}
	viewerFiles.dirs[s] = dir
	return dir, nil
}
