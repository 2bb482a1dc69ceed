package keyring

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

var profile = Profile{Endpoint: "http://127.0.0.1:9080/v1", Project: "demo", Email: "Support@example.com"}

func entry(secret string) Entry {
	return Entry{Dialect: "appwrite", Endpoint: profile.Endpoint, Project: "demo", OperatorID: "support",
		OperatorEmail: "support@example.com", Secret: secret, SavedAt: time.Unix(1_800_000_000, 0).UTC()}
}

// fake stands in for go-keyring: a map, an error for every call, or a call that hangs.
type fake struct {
	mu   sync.Mutex
	m    map[string]string
	err  error
	hang chan struct{}
}

func (f *fake) wait() error {
	if f.hang != nil {
		<-f.hang
	}
	return f.err
}

func (f *fake) Set(s, u, p string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.m[s+"|"+u] = p
	return nil
}

func (f *fake) Get(s, u string) (string, error) {
	if err := f.wait(); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.m[s+"|"+u]
	if !ok {
		return "", gokeyring.ErrNotFound
	}
	return v, nil
}

func (f *fake) Delete(s, u string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.m[s+"|"+u]; !ok {
		return gokeyring.ErrNotFound
	}
	delete(f.m, s+"|"+u)
	return nil
}

func roundTrip(t *testing.T, st Store) {
	t.Helper()
	if _, err := st.Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty store: %v", err)
	}
	if err := st.Set(profile, entry("s3cret")); err != nil {
		t.Fatal(err)
	}
	got, err := st.Get(Profile{Endpoint: profile.Endpoint, Project: "demo", Email: "support@EXAMPLE.com"})
	if err != nil || got != entry("s3cret") {
		t.Fatalf("get: %+v %v", got, err)
	}
	if _, err := st.Get(Profile{Endpoint: profile.Endpoint, Project: "other", Email: profile.Email}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("another project shares the entry: %v", err)
	}
	if err := st.Delete(profile); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if err := st.Delete(profile); err != nil {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestOSKeyringRoundTrip(t *testing.T) {
	roundTrip(t, newOS(&fake{m: map[string]string{}}, time.Second))
}

func TestMemoryRoundTrip(t *testing.T) {
	m := NewMemory()
	roundTrip(t, m)
	if m.Durable() {
		t.Fatal("memory claims to outlive the process")
	}
}

func TestKeyHoldsNoSecret(t *testing.T) {
	if k := profile.Key(); strings.Contains(k, "s3cret") || !strings.Contains(k, "support@example.com") {
		t.Fatalf("key %q", k)
	}
}

// fakeKernel stands in for the kernel keyring: memory that answers, or a refusal.
type fakeKernel struct {
	*Memory
	err error
}

func (k fakeKernel) probe() error  { return k.err }
func (k fakeKernel) Durable() bool { return true }
func (k fakeKernel) Where() string {
	return "the kernel keyring until reboot, actas logout or the session's end"
}

var refusedKernel = fakeKernel{Memory: NewMemory(), err: errors.New("kernel keyring: operation not permitted")}

func open(b backend, timeout time.Duration) (Store, string) {
	return opener{order: DefaultOrder, timeout: timeout, secretService: b, kernel: refusedKernel}.open()
}

// go-keyring reports a missing Secret Service as errors other than ErrNotFound.
func TestMissingSecretServiceFallsBackToMemory(t *testing.T) {
	for _, msg := range []string{
		`exec: "dbus-launch": executable file not found in $PATH`,
		"The name org.freedesktop.secrets was not provided by any .service files",
		"failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'",
	} {
		st, warning := open(&fake{err: errors.New(msg)}, time.Second)
		if _, ok := st.(*Memory); !ok {
			t.Fatalf("%s: got %T", msg, st)
		}
		if strings.Contains(warning, "\n") || !strings.Contains(warning, "memory for this run only") ||
			!strings.Contains(warning, "not permitted") || st.Where() != "memory for this run only" {
			t.Fatalf("%s: warning %q", msg, warning)
		}
	}
	st, warning := open(&fake{m: map[string]string{}}, time.Second)
	if _, ok := st.(*OSKeyring); !ok || warning != "" || st.Where() != "the Secret Service" {
		t.Fatalf("working keyring: %T %q", st, warning)
	}
}

// The order: the Secret Service, then the kernel keyring, then memory.
func TestKernelKeyringIsTheFallback(t *testing.T) {
	kernel := fakeKernel{Memory: NewMemory()}
	noBus := &fake{err: errors.New("The name org.freedesktop.secrets was not provided by any .service files")}
	st, warning := opener{order: DefaultOrder, timeout: time.Second, secretService: noBus, kernel: kernel}.open()
	if st != Store(kernel) || warning != "" || !st.Durable() {
		t.Fatalf("got %T %q", st, warning)
	}
	working := &fake{m: map[string]string{}}
	if st, _ := (opener{order: DefaultOrder, timeout: time.Second, secretService: working, kernel: kernel}).open(); st == Store(kernel) {
		t.Fatal("the kernel keyring was chosen over a working Secret Service")
	}
	order, _ := ParseOrder("kernel, secret-service")
	if st, _ := (opener{order: order, timeout: time.Second, secretService: working, kernel: kernel}).open(); st != Store(kernel) {
		t.Fatalf("ACTAS_KEYRING order not followed: %T", st)
	}
	order, _ = ParseOrder("memory,kernel")
	st, warning = opener{order: order, timeout: time.Second, secretService: working, kernel: kernel}.open()
	if _, ok := st.(*Memory); !ok || !strings.Contains(warning, OrderEnv) {
		t.Fatalf("memory first: %T %q", st, warning)
	}
}

func TestParseOrder(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "secret-service kernel",
		" Kernel ":              "kernel",
		"secret-service,memory": "secret-service memory",
		"kernel,secret-service": "kernel secret-service",
	} {
		got, err := ParseOrder(in)
		if err != nil || fmt.Sprint(got) != "["+want+"]" {
			t.Fatalf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"file", "kernel,,memory", "plaintext\x1b[31m"} {
		_, err := ParseOrder(bad)
		if err == nil || !strings.Contains(err.Error(), OrderEnv) || strings.ContainsRune(err.Error(), 0x1b) {
			t.Fatalf("%q: %v", bad, err)
		}
	}
}

func TestHangingKeyringTimesOut(t *testing.T) {
	f := &fake{m: map[string]string{}, hang: make(chan struct{})}
	defer close(f.hang)
	k := newOS(f, 50*time.Millisecond)
	start := time.Now()
	if err := k.Set(profile, entry("x")); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("the timeout did not bound the call")
	}
	st, warning := open(f, 50*time.Millisecond)
	if _, ok := st.(*Memory); !ok || warning == "" {
		t.Fatalf("hanging keyring used: %T", st)
	}
}

func TestUnreadableEntryIsNotFound(t *testing.T) {
	f := &fake{m: map[string]string{Service + "|" + profile.Key(): "not json"}}
	if _, err := newOS(f, time.Second).Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
}

func TestLazyOpensOnFirstUseAndWarns(t *testing.T) {
	l := &Lazy{opener: opener{order: DefaultOrder, timeout: time.Second, kernel: refusedKernel,
		secretService: &fake{err: errors.New("The name org.freedesktop.secrets was not provided")}}}
	if l.store != nil {
		t.Fatal("opened before first use")
	}
	if err := l.Set(profile, entry("s")); err != nil {
		t.Fatal(err)
	}
	if got, err := l.Get(profile); err != nil || got.Secret != "s" || l.Durable() || l.Warning() == "" {
		t.Fatalf("fallback: %+v %v durable=%v warning=%q", got, err, l.Durable(), l.Warning())
	}
	ok := &Lazy{opener: opener{order: DefaultOrder, timeout: time.Second, kernel: refusedKernel, secretService: &fake{m: map[string]string{}}}}
	if ok.Warning() != "" || !ok.Durable() {
		t.Fatal("a working keyring warned")
	}
}

// lazyWith is a Lazy over a working fake Secret Service and kernel keyring.
func lazyWith(order []Kind, ss *fake, kernel fakeKernel) *Lazy {
	return &Lazy{opener: opener{order: order, timeout: time.Second, secretService: ss, kernel: kernel}}
}

// A session stored in the kernel keyring while the Secret Service did not answer is
// found, and logged out, once the Secret Service answers again; a new login removes it.
func TestLazyReachesEntriesInTheLaterStores(t *testing.T) {
	ss, kernel := &fake{m: map[string]string{}}, fakeKernel{Memory: NewMemory()}
	if err := kernel.Set(profile, entry("from-ssh")); err != nil {
		t.Fatal(err)
	}
	l := lazyWith(DefaultOrder, ss, kernel)
	if got, err := l.Get(profile); err != nil || got.Secret != "from-ssh" || l.Where() != "the Secret Service" {
		t.Fatalf("get: %+v %v (%s)", got, err, l.Where())
	}
	if err := l.Delete(profile); err != nil {
		t.Fatal(err)
	}
	if _, err := kernel.Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("logout left the kernel's entry: %v", err)
	}
	_ = kernel.Set(profile, entry("old"))
	l = lazyWith(DefaultOrder, ss, kernel)
	if err := l.Set(profile, entry("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := kernel.Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a new login left the old session in the kernel keyring: %v", err)
	}
	if got, _ := l.Get(profile); got.Secret != "new" {
		t.Fatalf("got %q", got.Secret)
	}
	// Only the stores ACTAS_KEYRING names are touched.
	_ = kernel.Set(profile, entry("kept"))
	only := lazyWith([]Kind{SecretService}, ss, kernel)
	_ = only.Delete(profile)
	if _, err := kernel.Get(profile); err != nil {
		t.Fatalf("ACTAS_KEYRING=secret-service deleted from the kernel keyring: %v", err)
	}
}

// Appwrite's keys are what they were before there were dialects (stored sessions are
// still found); another dialect's never equals them.
func TestKeyNamesTheDialect(t *testing.T) {
	old := "support@example.com @ http://127.0.0.1:9080/v1 (demo)"
	for _, d := range []string{"", "appwrite"} {
		p := profile
		p.Dialect = d
		if p.Key() != old {
			t.Fatalf("%q: key %q, want %q", d, p.Key(), old)
		}
	}
	p := profile
	p.Dialect = "ironflow"
	if p.Key() == old || !strings.HasPrefix(p.Key(), "ironflow: ") {
		t.Fatalf("ironflow key %q", p.Key())
	}
}
