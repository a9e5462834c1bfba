package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Paths are where werkbank keeps its files.
type Paths struct {
	DB      string `json:"database"`
	Backups string `json:"backups"`
	Log     string `json:"log"`
}

// ResolvePaths picks the database (the --db flag, else WERKBANK_DB, else the XDG data directory) and the
// places that go with it. getenv is os.Getenv in production.
func ResolvePaths(dbFlag string, getenv func(string) string) (Paths, error) {
	home := getenv("HOME")
	if home == "" && runtime.GOOS == "windows" {
		home = getenv("USERPROFILE")
	}
	dataDir := xdgDir(getenv, "XDG_DATA_HOME", home, ".local/share")
	stateDir := xdgDir(getenv, "XDG_STATE_HOME", home, ".local/state")
	if dataDir == "" || stateDir == "" {
		return Paths{}, fmt.Errorf("kan geen map voor gegevens vinden: zet HOME of gebruik --db")
	}
	db := dbFlag
	if db == "" {
		db = getenv("WERKBANK_DB")
	}
	if db == "" {
		db = filepath.Join(dataDir, "werkbank", "werkbank.db")
	}
	if strings.HasPrefix(db, "~/") && home != "" {
		db = filepath.Join(home, db[2:])
	}
	abs, err := filepath.Abs(db)
	if err != nil {
		return Paths{}, err
	}
	sum := sha256.Sum256([]byte(abs))
	name := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
	return Paths{
		DB:      abs,
		Backups: filepath.Join(dataDir, "werkbank", "backups", name+"-"+hex.EncodeToString(sum[:4])),
		Log:     filepath.Join(stateDir, "werkbank", "werkbank.log"),
	}, nil
}

func xdgDir(getenv func(string) string, env, home, rel string) string {
	if v := getenv(env); v != "" && filepath.IsAbs(v) {
		return v
	}
	if runtime.GOOS == "windows" {
		if v := getenv("LOCALAPPDATA"); v != "" {
			return v
		}
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, filepath.FromSlash(rel))
}

// OpenLog opens the English log file (0600 in a 0700 directory). Logs never hold document text, letter
// text or names: callers log ids and counts only.
func OpenLog(path string) (*slog.Logger, func() error, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("kan logmap %s niet maken: %w", dir, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("kan logbestand %s niet openen: %w", path, err)
	}
	f.Chmod(0o600)
	return slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo})), f.Close, nil
}
