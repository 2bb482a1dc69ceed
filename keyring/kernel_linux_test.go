//go:build linux

package keyring

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"actas/internal/testenv"
)

// testKernel is a Kernel store in a keyring of the test's own, linked only from this
// process's keyring: nothing is written to the developer's user or session keyrings,
// and the kernel drops it all when the test process ends.
func testKernel(t *testing.T) *Kernel {
	t.Helper()
	ring, err := unix.AddKey("keyring", "actas-test-"+strconv.Itoa(os.Getpid())+"-"+t.Name(), nil, unix.KEY_SPEC_PROCESS_KEYRING)
	testenv.Require(t, err == nil, "kernel keyring (keyctl "+fmt.Sprint(err)+")",
		"run the tests where the keyctl and add_key system calls are allowed (Docker's default seccomp profile refuses them)")
	if err := unix.KeyctlSetperm(ring, entryPerm); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = unix.KeyctlInt(unix.KEYCTL_INVALIDATE, ring, 0, 0, 0) })
	return &Kernel{ring: ring, now: time.Now}
}

func TestKernelKeyringRoundTrip(t *testing.T) {
	k := testKernel(t)
	if err := k.probe(); err != nil {
		t.Fatalf("probe: %v", err)
	}
	roundTrip(t, k)
	if !k.Durable() || !strings.Contains(k.Where(), "kernel keyring") {
		t.Fatalf("durable %v, where %q", k.Durable(), k.Where())
	}
}

// A second Set replaces the entry: one key per profile, never two.
func TestKernelKeyringReplaces(t *testing.T) {
	k := testKernel(t)
	for _, s := range []string{"first", "second"} {
		if err := k.Set(profile, entry(s)); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := k.Get(profile); err != nil || got.Secret != "second" {
		t.Fatalf("get: %+v %v", got, err)
	}
	if n := len(keysIn(t, k.ring)); n != 1 {
		t.Fatalf("%d keys in the ring, want 1", n)
	}
}

// An entry is for this uid alone, and lives as long as the session it holds.
func TestKernelKeyringPermissionsAndTimeout(t *testing.T) {
	k := testKernel(t)
	e := entry("s")
	e.Expires = time.Now().Add(2 * time.Hour)
	if err := k.Set(profile, e); err != nil {
		t.Fatal(err)
	}
	id, err := k.find(profile)
	if err != nil {
		t.Fatal(err)
	}
	desc, err := unix.KeyctlString(unix.KEYCTL_DESCRIBE, id)
	if err != nil {
		t.Fatal(err)
	}
	// "type;uid;gid;perm;description", perm in hex.
	parts := strings.SplitN(desc, ";", 5)
	if len(parts) != 5 || parts[0] != "user" || parts[3] != fmt.Sprintf("%08x", entryPerm) || parts[4] != k.description(profile) {
		t.Fatalf("describe %q", desc)
	}
	if expiry := procKeysExpiry(t, id); expiry != "1h" && expiry != "2h" {
		t.Fatalf("expiry column %q, want about 2h", expiry)
	}
	// Without an expiry from the backend: Appwrite's default session length.
	if err := k.Set(profile, entry("s")); err != nil {
		t.Fatal(err)
	}
	id, _ = k.find(profile)
	if expiry := procKeysExpiry(t, id); expiry != "52w" {
		t.Fatalf("expiry column %q, want 52w (a year)", expiry)
	}
	e.Expires = time.Now().Add(-time.Minute)
	if err := k.Set(profile, e); !errors.Is(err, ErrExpired) {
		t.Fatalf("an expired session was stored: %v", err)
	}
}

// The kernel drops the entry when the session's lifetime is over.
func TestKernelKeyringEntryLapses(t *testing.T) {
	k := testKernel(t)
	e := entry("s")
	e.Expires = time.Now().Add(time.Second)
	if err := k.Set(profile, e); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := k.Get(profile)
		if errors.Is(err, ErrNotFound) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatal("the entry outlived its session by 9 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestKernelKeyringUnreadableEntryIsNotFound(t *testing.T) {
	k := testKernel(t)
	id, err := unix.AddKey("user", k.description(profile), []byte("not json"), k.ring)
	if err != nil {
		t.Fatal(err)
	}
	_ = unix.KeyctlSetperm(id, entryPerm)
	if _, err := k.Get(profile); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
}

// The production store uses the user keyring: reachable from every login of the user,
// unlike a session keyring.
func TestKernelKeyringIsTheUserKeyring(t *testing.T) {
	if NewKernel().ring != unix.KEY_SPEC_USER_KEYRING {
		t.Fatal("not the user keyring")
	}
}

func keysIn(t *testing.T, ring int) []int32 {
	t.Helper()
	buf := make([]byte, 4096)
	n, err := unix.KeyctlBuffer(unix.KEYCTL_READ, ring, buf, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int32, 0, n/4)
	for i := 0; i+4 <= n; i += 4 {
		ids = append(ids, int32(uint32(buf[i])|uint32(buf[i+1])<<8|uint32(buf[i+2])<<16|uint32(buf[i+3])<<24))
	}
	return ids
}

// procKeysExpiry is the expiry column /proc/keys shows for the key ("perm" for none).
func procKeysExpiry(t *testing.T, id int) string {
	t.Helper()
	b, err := os.ReadFile("/proc/keys")
	if err != nil {
		t.Skipf("/proc/keys: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) > 3 && f[0] == fmt.Sprintf("%08x", id) {
			return f[3]
		}
	}
	t.Fatalf("key %x not in /proc/keys", id)
	return ""
}

// A backend's far-future expiry is capped at a year: no key outlives that.
func TestKernelKeyringCapsTheLifetime(t *testing.T) {
	k := testKernel(t)
	for _, year := range []int{2200, 9999} {
		e := entry("s")
		e.Expires = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		if err := k.Set(profile, e); err != nil {
			t.Fatal(err)
		}
		id, _ := k.find(profile)
		if expiry := procKeysExpiry(t, id); expiry != "52w" {
			t.Fatalf("expiry %d: column %q, want 52w", year, expiry)
		}
	}
	if got := timeoutSeconds(time.Duration(1<<63 - 1)); got != int(defaultLifetime/time.Second) {
		t.Fatalf("timeoutSeconds(max) = %d", got)
	}
	if got := timeoutSeconds(1500 * time.Millisecond); got != 2 {
		t.Fatalf("timeoutSeconds(1.5s) = %d", got)
	}
}
