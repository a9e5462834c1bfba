package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// TestDailyBackupRotation moves a fake clock over 20 days: one backup a day, the last 14 kept.
func TestDailyBackupRotation(t *testing.T) {
	now := time.Date(2025, 11, 1, 9, 0, 0, 0, time.Local)
	path := filepath.Join(t.TempDir(), "werkbank.db")
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b := newBody(t, s)
	dir := filepath.Join(t.TempDir(), "backups")
	for day := 0; day < 20; day++ {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "lid van dag " + now.Format("2"), Role: model.RoleLid}); err != nil {
			t.Fatal(err)
		}
		p, made, err := s.DailyBackup(ctx, dir)
		if err != nil || !made {
			t.Fatalf("day %d: made %v err %v", day, made, err)
		}
		if !strings.HasSuffix(p, now.Format("2006-01-02")+".db") {
			t.Fatalf("name %s", p)
		}
		// A second start the same day (later that day) leaves the day's backup alone.
		now = now.Add(3 * time.Hour)
		if p2, made, err := s.DailyBackup(ctx, dir); err != nil || made || p2 != p {
			t.Fatalf("day %d again: %s %v %v", day, p2, made, err)
		}
		now = now.Add(21 * time.Hour)
	}
	all, err := s.Backups(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != DefaultBackupKeep {
		t.Fatalf("%d backups, want %d", len(all), DefaultBackupKeep)
	}
	if got := all[0].Made.Format("2006-01-02"); got != "2025-11-20" {
		t.Errorf("newest %s", got)
	}
	if got := all[len(all)-1].Made.Format("2006-01-02"); got != "2025-11-07" {
		t.Errorf("oldest %s", got)
	}
	// The newest backup is a werkbank database with everything up to its day.
	bs, err := Open(all[0].Path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bs.Close()
	members, err := bs.Members(ctx, b.ID)
	if err != nil || len(members) != 20 {
		t.Fatalf("backup has %d members: %v", len(members), err)
	}
	fi, _ := os.Stat(all[0].Path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != DefaultBackupKeep {
		t.Errorf("%d files in the backup folder", len(entries))
	}
}

func TestBackupKeepSettingAndForeignFiles(t *testing.T) {
	now := time.Date(2025, 11, 1, 9, 0, 0, 0, time.Local)
	path := filepath.Join(t.TempDir(), "werkbank.db")
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SetSetting(ctx, SettingBackupKeep, "3"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Backups of another database and other files in the same folder are never touched.
	other := filepath.Join(dir, "ander-0a1b2c3d-2025-01-01.db")
	note := filepath.Join(dir, "notities.txt")
	os.WriteFile(other, []byte("x"), 0o600)
	os.WriteFile(note, []byte("x"), 0o600)
	for day := 0; day < 5; day++ {
		if _, _, err := s.DailyBackup(ctx, dir); err != nil {
			t.Fatal(err)
		}
		now = now.AddDate(0, 0, 1)
	}
	if _, err := s.BackupNow(ctx, dir); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Backups(ctx, dir)
	if len(all) != 3 || !strings.HasSuffix(all[0].Path, "2025-11-06-090000.db") {
		t.Fatalf("%+v", all)
	}
	for _, f := range []string{other, note} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s removed", f)
		}
	}
	// The backup_dir setting moves them.
	moved := filepath.Join(t.TempDir(), "elders")
	s.SetSetting(ctx, SettingBackupDir, moved)
	p, made, err := s.DailyBackup(ctx, dir)
	if err != nil || !made || filepath.Dir(p) != moved {
		t.Fatalf("%s %v %v", p, made, err)
	}
}

// TestBackupFailureIsAnError: a backup that cannot be written is an error value, and the database
// goes on working.
func TestBackupFailureIsAnError(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	blocker := filepath.Join(t.TempDir(), "geen-map")
	os.WriteFile(blocker, []byte("x"), 0o600)
	if _, _, err := s.DailyBackup(ctx, blocker); err == nil || !strings.Contains(err.Error(), "back-up mislukt") {
		t.Fatalf("err %v", err)
	}
	newBody(t, s)
}

func TestReadOnlyGetsNoDailyBackup(t *testing.T) {
	_, path := newStore(t)
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	dir := filepath.Join(t.TempDir(), "b")
	if p, made, err := ro.DailyBackup(context.Background(), dir); p != "" || made || err != nil {
		t.Fatalf("%s %v %v", p, made, err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("backup folder made for a read-only database")
	}
	// By hand it works, without changing the database.
	if _, err := ro.BackupNow(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
}
