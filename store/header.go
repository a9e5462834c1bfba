package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Application IDs written at offset 68 of the database header. A coach copy has its own, so werkbank
// knows to open it read-only before any pragma runs.
const (
	AppID      uint32 = 0x57424E4B // "WBNK"
	CoachAppID uint32 = 0x57424343 // "WBCC"
)

const sqliteMagic = "SQLite format 3\x00"

// Errors for files werkbank refuses to open. Each leaves the file untouched.
var (
	ErrNotSQLite  = errors.New("geen SQLite-database")
	ErrForeign    = errors.New("database van een ander programma")
	ErrTooNew     = errors.New("database is gemaakt door een nieuwere werkbank")
	ErrTruncated  = errors.New("database is afgekapt of beschadigd")
	ErrNoDatabase = errors.New("database bestaat niet")
)

// header is what werkbank reads of a database file before SQLite sees it.
type header struct {
	exists      bool
	empty       bool
	userVersion uint32
	appID       uint32
}

// readHeader reads the first 100 bytes of path without writing anything, and refuses files that are not
// werkbank databases.
func readHeader(path string) (header, error) {
	for i := 0; ; i++ {
		h, err := readHeaderOnce(path)
		// A database another process is creating right now has a SQLite header but no application id
		// until its first transaction is checkpointed: wait for it briefly.
		if errors.Is(err, ErrForeign) && h.userVersion == 0 && h.appID == 0 && i < 20 {
			if _, werr := os.Stat(path + "-wal"); werr == nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
		}
		return h, err
	}
}

func readHeaderOnce(path string) (header, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return header{}, nil
	}
	if err != nil {
		return header{}, fmt.Errorf("kan %s niet openen: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return header{}, fmt.Errorf("kan %s niet lezen: %w", path, err)
	}
	if st.IsDir() {
		return header{}, fmt.Errorf("%s is een map, geen database", path)
	}
	if st.Size() == 0 {
		return header{exists: true, empty: true}, nil
	}
	buf := make([]byte, 100)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return header{}, fmt.Errorf("kan %s niet lezen: %w", path, err)
	}
	if n < len(sqliteMagic) || string(buf[:len(sqliteMagic)]) != sqliteMagic {
		return header{}, fmt.Errorf("%s: %w", path, ErrNotSQLite)
	}
	if n < 100 {
		return header{}, fmt.Errorf("%s: %w", path, ErrTruncated)
	}
	h := header{
		exists:      true,
		userVersion: binary.BigEndian.Uint32(buf[60:64]),
		appID:       binary.BigEndian.Uint32(buf[68:72]),
	}
	pageSize := int64(binary.BigEndian.Uint16(buf[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(buf[28:32]))
	// With a write-ahead log next to it, the file may be mid-checkpoint: a kill after page 1 (with the
	// new page count) was copied back but before the pages behind it were leaves the file shorter than
	// its header says. SQLite finishes the checkpoint from the log at the next open, so the size only
	// proves damage when there is no log to finish from.
	short := st.Size()%pageSize != 0 || st.Size() < pageSize || (pages > 0 && st.Size() < pageSize*pages)
	if pageSize < 512 || short && !hasLog(path) {
		return header{}, fmt.Errorf("%s: %w", path, ErrTruncated)
	}
	if h.appID != AppID && h.appID != CoachAppID {
		return h, fmt.Errorf("%s: %w", path, ErrForeign)
	}
	if int(h.userVersion) > len(migrations) {
		return header{}, fmt.Errorf("%s heeft schemaversie %d, deze werkbank kent er %d: %w; werk werkbank bij",
			path, h.userVersion, len(migrations), ErrTooNew)
	}
	return h, nil
}

// hasLog reports whether path has a write-ahead log with frames in it.
func hasLog(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 32
}
