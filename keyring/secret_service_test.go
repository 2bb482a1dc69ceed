package keyring

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actas/internal/testenv"
)

// TestRealSecretService runs against a real Secret Service (scripts/with-secret-service
// starts a private one and sets WITH_SECRET_SERVICE=1).
func TestRealSecretService(t *testing.T) {
	testenv.Require(t, os.Getenv("WITH_SECRET_SERVICE") == "1", "Secret Service",
		"install gnome-keyring and dbus, then run the tests with ./scripts/test (it starts a private one)")
	t.Setenv("HOME", t.TempDir()) // so the leak check below can search all of it
	st, warning := Open(5*time.Second, []Kind{SecretService})
	if warning != "" {
		t.Fatalf("the Secret Service did not answer: %s", warning)
	}
	if !st.Durable() {
		t.Fatal("not the OS keyring")
	}
	p := Profile{Endpoint: "http://127.0.0.1:1/v1", Project: "test-" + t.Name(), Email: "op@example.com"}
	secret := "secret-" + time.Now().Format("150405.000000000")
	t.Cleanup(func() { _ = st.Delete(p) })
	if err := st.Set(p, Entry{Dialect: "appwrite", Secret: secret}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Get(p)
	if err != nil || got.Secret != secret {
		t.Fatalf("get: %+v %v", got, err)
	}
	// Nothing of ours holds the secret in a file: search HOME and the package directory.
	for _, dir := range []string{os.Getenv("HOME"), "."} {
		if leak := fileContaining(dir, secret); leak != "" {
			t.Fatalf("the secret is in %s", leak)
		}
	}
	if err := st.Delete(p); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Get(p); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
}

func fileContaining(root, needle string) string {
	found := ""
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if found != "" {
			return fs.SkipAll
		}
		if err != nil {
			return nil // unreadable: not ours
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > 1<<20 {
			return nil
		}
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), needle) {
			found = path
		}
		return nil
	})
	return found
}
