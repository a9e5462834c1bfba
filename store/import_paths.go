package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// ImportPaths imports files and folders (recursively, in name order) as one batch, calling progress
// after each file. It never stops at a bad file: every file ends as imported, duplicate or failed with
// its reason in the summary. Cancelling ctx stops before the next file; what was read is kept. The
// error is only for a failure of the import as a whole (no body, database not writable).
func (s *Store) ImportPaths(ctx context.Context, paths []string, meta model.DocumentMeta, progress func(model.ImportProgress)) (model.ImportSummary, error) {
	return s.ImportPathsEach(ctx, paths, meta, progress, nil)
}

// ImportPathsEach is ImportPaths that also calls each for every file's outcome once it is final: an
// imported file only after the transaction of its batch committed, so a caller that reports it can
// promise it survives a crash.
func (s *Store) ImportPathsEach(ctx context.Context, paths []string, meta model.DocumentMeta, progress func(model.ImportProgress), each func(model.ImportResult)) (model.ImportSummary, error) {
	if progress == nil {
		progress = func(model.ImportProgress) {}
	}
	var sum model.ImportSummary
	files, walkFailures, hidden := collectFiles(paths)
	sum.Total, sum.Hidden = len(files)+len(walkFailures), hidden
	var prog model.ImportProgress
	prog.Total = sum.Total
	record := func(r model.ImportResult) {
		sum.Add(r)
		prog.Imported, prog.Duplicates, prog.Failed = sum.Imported, sum.Duplicates, sum.Failed
		if each != nil {
			each(r)
		}
	}
	b, err := s.NewBatch(ctx, meta, record)
	if err != nil {
		return sum, err
	}
	for _, f := range walkFailures {
		record(f)
		prog.Done++
	}
	for i, path := range files {
		if ctx.Err() != nil {
			sum.Canceled, sum.NotStarted = true, len(files)-i
			break
		}
		prog.Current = path
		progress(prog)
		if ctx.Err() != nil {
			sum.Canceled, sum.NotStarted = true, len(files)-i
			break
		}
		if err := b.addPath(path); err != nil {
			b.Close()
			return sum, err
		}
		prog.Done++
	}
	err = b.Close()
	sum.ImpositionID = b.ImpositionID()
	prog.Current = ""
	progress(prog)
	return sum, err
}

// addPath opens one file and adds it; a file that cannot be opened is a failed result, not an error.
func (b *Batch) addPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return b.addFailed(path, "onleesbaar: "+openReason(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return b.addFailed(path, "onleesbaar: "+openReason(err))
	}
	if info.IsDir() || !info.Mode().IsRegular() {
		return b.addFailed(path, "geen gewoon bestand")
	}
	if info.Size() > b.limit {
		// Refused before a byte is read.
		return b.addFailed(path, fmt.Sprintf("te groot: %d MB, de grens is %d MB (instelbaar als %s)",
			(info.Size()+(1<<20)-1)>>20, b.limit>>20, ImportLimitKey))
	}
	return b.Add(path, f, model.DocumentMeta{FileDate: model.DateOf(info.ModTime())})
}

// addFailed queues a result that failed before reading, keeping the order of outcomes.
func (b *Batch) addFailed(path, reason string) error {
	if len(b.pending) == 0 {
		b.pendingSince = time.Now()
	}
	b.pending = append(b.pending, &pendingFile{res: model.ImportResult{Path: path, Status: model.ImportFailed, Reason: reason}})
	return b.flushIfDue()
}

func openReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen leesrechten"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// collectFiles expands folders into their files, in name order. Hidden files and folders (".git",
// ".DS_Store") are left out and counted; a path that does not exist or a folder that cannot be read is
// a failed result.
func collectFiles(paths []string) (files []string, failures []model.ImportResult, hidden int) {
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil {
			if seen[abs] {
				return
			}
			seen[abs] = true
		}
		files = append(files, p)
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			failures = append(failures, model.ImportResult{Path: root, Status: model.ImportFailed, Reason: openReason(err)})
			continue
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, model.ImportResult{Path: p, Status: model.ImportFailed,
					Reason: "map onleesbaar: " + openReason(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				hidden++
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				add(p)
			}
			return nil
		})
	}
	return files, failures, hidden
}
