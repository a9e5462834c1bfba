package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"
)

// An encrypted coach copy is an age file (scrypt, a passphrase) holding the whole database. werkbank
// recognises it by its header, asks the passphrase through Options.Passphrase, and opens a decrypted
// private copy (0600, in the temporary folder) that Close removes. The encrypted file is only read.

const ageMagic = "age-encryption.org/v1\n"

// Errors of encrypted copies.
var (
	ErrEncrypted       = errors.New("deze database is versleuteld; open hem in een terminal, dan vraagt werkbank het wachtwoord")
	ErrWrongPassphrase = errors.New("wachtwoord onjuist: de versleutelde kopie kon niet worden geopend")
	ErrNoPassphrase    = errors.New("geen wachtwoord opgegeven")
)

// ScryptWorkFactor is the scrypt cost (log2 N) of an encrypted copy: age's default, which takes about a
// second; tests lower it to stay fast. Opening reads the cost from the file.
var ScryptWorkFactor = 18

// IsEncrypted reports whether the file at path is an age-encrypted copy.
func IsEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kan %s niet openen: %w", path, err)
	}
	defer f.Close()
	buf := make([]byte, len(ageMagic))
	n, _ := io.ReadFull(f, buf)
	return n == len(buf) && string(buf) == ageMagic, nil
}

// encryptNextTo encrypts plain into a new 0600 temporary file beside out and returns its name.
func encryptNextTo(plain, out string, pass []byte) (string, error) {
	r, err := age.NewScryptRecipient(string(pass))
	if err != nil {
		return "", err
	}
	r.SetWorkFactor(ScryptWorkFactor)
	in, err := os.Open(plain)
	if err != nil {
		return "", err
	}
	defer in.Close()
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+"-*.age.tmp")
	if err != nil {
		return "", fmt.Errorf("kan niet schrijven in %s: %w", filepath.Dir(out), err)
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w, err := age.Encrypt(bw, r)
	if err != nil {
		return fail(err)
	}
	if _, err := io.Copy(w, in); err != nil {
		return fail(err)
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// openEncrypted asks the passphrase, decrypts path into a private temporary file and opens that,
// read-only; Close removes it.
func openEncrypted(path string, opt Options) (*Store, error) {
	if opt.Passphrase == nil {
		return nil, fmt.Errorf("%s: %w", path, ErrEncrypted)
	}
	pass, err := opt.Passphrase()
	if err != nil {
		return nil, err
	}
	if len(pass) == 0 {
		return nil, ErrNoPassphrase
	}
	tmp, err := decryptToTemp(path, pass)
	if err != nil {
		return nil, err
	}
	opt.Passphrase, opt.ReadOnly = nil, true
	s, err := Open(tmp, opt)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	s.cleanup = append(s.cleanup, func() { os.Remove(tmp) })
	return s, nil
}

func decryptToTemp(path string, pass []byte) (string, error) {
	id, err := age.NewScryptIdentity(string(pass))
	if err != nil {
		return "", err
	}
	in, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("kan %s niet openen: %w", path, err)
	}
	defer in.Close()
	r, err := age.Decrypt(bufio.NewReaderSize(in, 1<<20), id)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return "", ErrWrongPassphrase
		}
		return "", fmt.Errorf("%s: kan de versleutelde kopie niet lezen: %w", path, err)
	}
	f, err := os.CreateTemp("", "werkbank-coach-*.db")
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijk bestand maken: %w", err)
	}
	name := f.Name()
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		os.Remove(name)
		return "", fmt.Errorf("%s: de versleutelde kopie is beschadigd: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}
