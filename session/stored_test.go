package session

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
	"actas/keyring"
)

func storedFor(f *fixture) Stored {
	return Stored{Store: keyring.NewMemory(), Profile: keyring.Profile{Dialect: "appwrite", Endpoint: f.url, Project: demo.DefaultProject, Email: demo.OperatorEmail}}
}

// Save keeps what a later start needs; Resume takes it up into another session, journaled
// as a resume.
func TestStoredSaveThenResume(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	st := storedFor(f)
	op, _ := f.sess.Operator()
	if err := st.Save(f.sess, op, time.Now()); err != nil {
		t.Fatal(err)
	}
	e, err := st.Entry()
	if err != nil || e.Dialect != "appwrite" || e.Secret != f.sess.Secret() || e.OperatorID != demo.OperatorID || e.Expires.IsZero() {
		t.Fatalf("entry %+v %v", e, err)
	}
	c, _ := appwrite.New(appwrite.Config{Endpoint: f.url, Project: demo.DefaultProject})
	j, _ := OpenJournal(filepath.Join(t.TempDir(), "audit.jsonl"))
	defer j.Close()
	next := New(Config{Backend: c, Journal: j, Endpoint: f.url, Project: demo.DefaultProject})
	got, _, err := st.Resume(ctx, next)
	if err != nil || got.ID != demo.OperatorID || next.State() != SignedIn {
		t.Fatalf("resume: %+v %v %v", got, err, next.State())
	}
	entries, _, _ := ReadJournal(j.Path())
	if len(entries) != 1 || entries[0].Event != EventResumed {
		t.Fatalf("journal %+v", entries)
	}
}

// A session the backend no longer accepts is forgotten; nothing stored is ErrNotFound.
func TestStoredResumeForgetsARevokedSession(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	st := storedFor(f)
	op, _ := f.sess.Operator()
	_ = st.Save(f.sess, op, time.Now())
	if err := f.sess.Logout(ctx); err != nil { // ends it on the backend
		t.Fatal(err)
	}
	c, _ := appwrite.New(appwrite.Config{Endpoint: f.url, Project: demo.DefaultProject})
	if _, _, err := st.Resume(ctx, New(Config{Backend: c})); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("err = %v", err)
	}
	if _, err := st.Entry(); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the revoked session is still stored: %v", err)
	}
	if _, _, err := (Stored{}).Resume(ctx, New(Config{Backend: c})); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("no store: %v", err)
	}
}

// The console and the commands reach the keyring only through Stored: no file of ui or
// cli reads, writes or builds a keyring entry itself.
func TestOnlyStoredTouchesTheKeyring(t *testing.T) {
	direct := regexp.MustCompile(`\b(Keyring|store)\.(Get|Set|Delete)\(|keyring\.Entry\{[^}]`)
	for _, dir := range []string{"../ui", "../cli"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if loc := direct.FindIndex(src); loc != nil {
				t.Errorf("%s:%d: %s: go through session.Stored", path, 1+strings.Count(string(src[:loc[0]]), "\n"), src[loc[0]:loc[1]])
			}
		}
	}
}
