package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
)

// chunkSize is the size of one row of blob_chunks: large enough that a 100 MB file is 400 rows, small
// enough that reading one back never holds much memory.
const chunkSize = 256 << 10

// memLimit is the largest file kept in memory while it waits to be stored; larger files are spooled to
// a private temporary file, so memory stays bounded whatever the file size.
const memLimit = 1 << 20

// errTooLarge marks a file above the import limit.
var errTooLarge = errors.New("te groot")

// readError marks a failure to read the source (not a problem of its content).
type readError struct{ err error }

func (e readError) Error() string { return "onleesbaar: " + e.err.Error() }
func (e readError) Unwrap() error { return e.err }

// spooled is one file read once from its source: hashed, measured, and kept in memory or in a
// temporary file until it is stored.
type spooled struct {
	sha  string
	size int64
	mem  []byte   // the bytes, for a small file
	file *os.File // the temporary file, for a large one
}

// spoolBuf is reused between files of one import, so reading small files allocates nothing new.
type spoolBuf struct {
	buf bytes.Buffer
	h   hash.Hash
	cp  []byte
}

func newSpoolBuf() *spoolBuf { return &spoolBuf{h: sha256.New(), cp: make([]byte, 64<<10)} }

// spool reads r once to its end (or to limit+1 bytes), hashing as it goes. A file larger than memLimit
// continues in a temporary file. A file above limit is refused without reading the rest.
func (sb *spoolBuf) spool(r io.Reader, limit int64) (*spooled, error) {
	sb.h.Reset()
	sb.buf.Reset()
	var sp spooled
	lr := io.LimitReader(r, limit+1)
	// First up to memLimit+1 bytes in memory.
	n, err := readInto(&sb.buf, io.LimitReader(lr, memLimit+1), sb.cp)
	if err != nil {
		return nil, readError{err}
	}
	if n > limit {
		return nil, errTooLarge
	}
	sb.h.Write(sb.buf.Bytes())
	sp.size = n
	if n <= memLimit {
		sp.mem = bytes.Clone(sb.buf.Bytes())
		sp.sha = hex.EncodeToString(sb.h.Sum(nil))
		return &sp, nil
	}
	f, err := os.CreateTemp("", "werkbank-import-*")
	if err != nil {
		return nil, fmt.Errorf("kan geen tijdelijk bestand maken: %w", err)
	}
	os.Remove(f.Name()) // unlinked at once where the platform allows: nothing left behind after a kill
	if _, err := f.Write(sb.buf.Bytes()); err != nil {
		f.Close()
		return nil, fmt.Errorf("tijdelijk bestand: %w", err)
	}
	w := io.MultiWriter(f, sb.h)
	for {
		k, rerr := lr.Read(sb.cp)
		if k > 0 {
			sp.size += int64(k)
			if sp.size > limit {
				f.Close()
				return nil, errTooLarge
			}
			if _, err := w.Write(sb.cp[:k]); err != nil {
				f.Close()
				return nil, fmt.Errorf("tijdelijk bestand: %w", err)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			f.Close()
			return nil, readError{rerr}
		}
	}
	if sp.size > limit {
		f.Close()
		return nil, errTooLarge
	}
	sp.file = f
	sp.sha = hex.EncodeToString(sb.h.Sum(nil))
	return &sp, nil
}

func readInto(buf *bytes.Buffer, r io.Reader, cp []byte) (int64, error) {
	var n int64
	for {
		k, err := r.Read(cp)
		if k > 0 {
			buf.Write(cp[:k])
			n += int64(k)
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// bytes returns the whole file, for text extraction: the one time a large file is read into memory.
func (sp *spooled) bytes() ([]byte, error) {
	if sp.file == nil {
		return sp.mem, nil
	}
	b := make([]byte, sp.size)
	if _, err := sp.file.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("tijdelijk bestand: %w", err)
	}
	return b, nil
}

// chunks calls fn with each chunk of the file in order; the slice is only valid during the call.
func (sp *spooled) chunks(fn func(seq int, b []byte) error) error {
	if sp.file == nil {
		for seq, off := 0, 0; off < len(sp.mem); seq++ {
			end := min(off+chunkSize, len(sp.mem))
			if err := fn(seq, sp.mem[off:end]); err != nil {
				return err
			}
			off = end
		}
		return nil
	}
	buf := make([]byte, chunkSize)
	for seq, off := 0, int64(0); off < sp.size; seq++ {
		n, err := sp.file.ReadAt(buf[:min(int64(chunkSize), sp.size-off)], off)
		if err != nil && !(err == io.EOF && n > 0) {
			return fmt.Errorf("tijdelijk bestand: %w", err)
		}
		if err := fn(seq, buf[:n]); err != nil {
			return err
		}
		off += int64(n)
	}
	return nil
}

// close releases the temporary file, if any.
func (sp *spooled) close() {
	if sp != nil && sp.file != nil {
		name := sp.file.Name()
		sp.file.Close()
		os.Remove(name) // already gone where unlinking an open file works
		sp.file = nil
	}
}

// memSpool wraps bytes already in memory (an attachment of a mail) as a spooled file.
func memSpool(b []byte) *spooled {
	sum := sha256.Sum256(b)
	return &spooled{sha: hex.EncodeToString(sum[:]), size: int64(len(b)), mem: b}
}

// blobStmts are the prepared statements that store originals inside one write transaction.
type blobStmts struct {
	blob  *sql.Stmt
	chunk *sql.Stmt
}

func prepareBlobStmts(ctx context.Context, tx *sql.Tx) (*blobStmts, error) {
	blob, err := tx.PrepareContext(ctx, `INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`)
	if err != nil {
		return nil, err
	}
	chunk, err := tx.PrepareContext(ctx, `INSERT INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?)`)
	if err != nil {
		blob.Close()
		return nil, err
	}
	return &blobStmts{blob: blob, chunk: chunk}, nil
}

func (b *blobStmts) close() {
	b.blob.Close()
	b.chunk.Close()
}

// putBlob stores the original once: when a blob with this hash exists, its chunks are already there
// (blob and chunks are always written in one savepoint).
func (b *blobStmts) putBlob(ctx context.Context, sp *spooled, stamp string) error {
	res, err := b.blob.ExecContext(ctx, sp.sha, sp.size, stamp)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return sp.chunks(func(seq int, data []byte) error {
		_, err := b.chunk.ExecContext(ctx, sp.sha, seq, data)
		return err
	})
}
