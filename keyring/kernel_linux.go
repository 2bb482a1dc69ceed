//go:build linux

package keyring

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// Kernel keeps entries in the Linux kernel's user keyring (keyctl): no D-Bus and nothing
// on disk; an entry is gone at reboot, at its session's end (its timeout, at most a
// year) or at actas logout. Since Linux 5.3 the user keyring belongs to the user
// namespace, not to the user's processes: logging out of the machine does not end it.
// Each entry is a "user" key named "actas:<profile key>" that only this uid may use.
//
// It calls keyctl through golang.org/x/sys/unix, the Go team's own wrappers: the Go
// keyctl libraries are small and unmaintained, and the few calls needed here are typed
// functions in x/sys, which the module already depends on.
type Kernel struct {
	ring int // the keyring entries live in: the user keyring, or a test's own
	now  func() time.Time
}

// NewKernel is the store in the calling user's user keyring.
func NewKernel() *Kernel { return &Kernel{ring: unix.KEY_SPEC_USER_KEYRING, now: time.Now} }

// Permissions of an entry: everything for the possessor (the process that made it) and
// for processes of the same uid (a later command may not possess the user keyring: a
// private session keyring, a service), nothing for group or others.
const (
	permPossessorAll = 0x3f000000
	permUserAll      = 0x003f0000
	entryPerm        = permPossessorAll | permUserAll
)

// maxEntry bounds what is read back: a "user" key holds at most 32 767 bytes.
const maxEntry = 32767

func (k *Kernel) description(p Profile) string { return Service + ":" + p.Key() }

// probe says whether the kernel answers keyctl calls at all: a seccomp filter (Docker's
// default profile) or a kernel without keys refuses them.
func (k *Kernel) probe() error {
	if _, err := unix.KeyctlGetKeyringID(k.ring, true); err != nil {
		return kernelErr(err)
	}
	_, err := k.Get(probeProfile)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func (k *Kernel) find(p Profile) (int, error) {
	id, err := unix.KeyctlSearch(k.ring, "user", k.description(p), 0)
	switch {
	case errors.Is(err, unix.ENOKEY), errors.Is(err, unix.EKEYEXPIRED), errors.Is(err, unix.EKEYREVOKED):
		return 0, ErrNotFound
	case err != nil:
		return 0, kernelErr(err)
	}
	return id, nil
}

func (k *Kernel) Get(p Profile) (Entry, error) {
	id, err := k.find(p)
	if err != nil {
		return Entry{}, err
	}
	buf := make([]byte, maxEntry)
	defer clear(buf)
	n, err := unix.KeyctlBuffer(unix.KEYCTL_READ, id, buf, 0)
	switch {
	case errors.Is(err, unix.EKEYEXPIRED), errors.Is(err, unix.EKEYREVOKED), errors.Is(err, unix.ENOKEY):
		return Entry{}, ErrNotFound // it lapsed between the search and the read
	case err != nil:
		return Entry{}, kernelErr(err)
	case n > len(buf):
		return Entry{}, fmt.Errorf("%w: the stored entry is too large", ErrNotFound)
	}
	return decode(string(buf[:n]))
}

// Set makes the key in the process keyring, where this process possesses it and may set
// its permissions and timeout, then links it into the ring (displacing an older entry of
// the same profile) and drops it from the process keyring. The thread is locked because
// keyrings belong to credentials, which the kernel keeps per thread.
func (k *Kernel) Set(p Profile, e Entry) error {
	ttl := defaultLifetime
	if !e.Expires.IsZero() {
		ttl = min(e.Expires.Sub(k.now()), defaultLifetime) // a backend's far future is not trusted
	}
	if ttl <= 0 {
		return ErrExpired
	}
	raw, err := encode(e)
	if err != nil {
		return err
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	id, err := unix.AddKey("user", k.description(p), []byte(raw), unix.KEY_SPEC_PROCESS_KEYRING)
	if err != nil {
		return kernelErr(err)
	}
	defer func() { _, _ = unix.KeyctlInt(unix.KEYCTL_UNLINK, id, unix.KEY_SPEC_PROCESS_KEYRING, 0, 0) }()
	fail := func(err error) error {
		_, _ = unix.KeyctlInt(unix.KEYCTL_INVALIDATE, id, 0, 0, 0)
		return kernelErr(err)
	}
	if err := unix.KeyctlSetperm(id, entryPerm); err != nil {
		return fail(err)
	}
	if _, err := unix.KeyctlInt(unix.KEYCTL_SET_TIMEOUT, id, timeoutSeconds(ttl), 0, 0); err != nil {
		return fail(err)
	}
	if _, err := unix.KeyctlInt(unix.KEYCTL_LINK, id, k.ring, 0, 0); err != nil {
		return fail(err)
	}
	return nil
}

// timeoutSeconds rounds d (at most defaultLifetime) up to whole seconds.
func timeoutSeconds(d time.Duration) int {
	d = min(d, defaultLifetime)
	s := d / time.Second
	if d%time.Second != 0 {
		s++
	}
	return int(s)
}

// Delete invalidates the key: the kernel drops it at once, from every keyring.
func (k *Kernel) Delete(p Profile) error {
	for {
		id, err := k.find(p)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := unix.KeyctlInt(unix.KEYCTL_INVALIDATE, id, 0, 0, 0); err != nil {
			if _, uerr := unix.KeyctlInt(unix.KEYCTL_UNLINK, id, k.ring, 0, 0); uerr != nil {
				return kernelErr(err)
			}
		}
	}
}

func (k *Kernel) Durable() bool { return true }

func (k *Kernel) Where() string {
	return "the kernel keyring until reboot, actas logout or the session's end"
}

func kernelErr(err error) error {
	if errors.Is(err, unix.EDQUOT) {
		return fmt.Errorf("%w: the kernel keyring is full for this user (%v)", ErrUnavailable, err)
	}
	return fmt.Errorf("%w: kernel keyring: %v", ErrUnavailable, err)
}
