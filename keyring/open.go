package keyring

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// probeProfile is looked up once to see whether a store answers at all.
var probeProfile = Profile{Endpoint: "probe", Project: "probe", Email: "probe"}

// Kind names a store that Open may choose.
type Kind string

const (
	SecretService Kind = "secret-service" // the freedesktop Secret Service, through go-keyring
	KernelKeyring Kind = "kernel"         // the Linux kernel's user keyring
	MemoryOnly    Kind = "memory"         // this process only
)

// OrderEnv names the environment variable that chooses the stores tried, in order.
const OrderEnv = "ACTAS_KEYRING"

// DefaultOrder is the Secret Service, then the kernel keyring; memory is always last.
var DefaultOrder = []Kind{SecretService, KernelKeyring}

// ParseOrder reads ACTAS_KEYRING: stores separated by commas, tried in that order ("" is
// DefaultOrder). Memory ends the list, named or not: no store is tried after it.
func ParseOrder(s string) ([]Kind, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultOrder, nil
	}
	var order []Kind
	for _, part := range strings.Split(s, ",") {
		k := Kind(strings.ToLower(strings.TrimSpace(part)))
		switch k {
		case SecretService, KernelKeyring, MemoryOnly:
			order = append(order, k)
		default:
			return nil, fmt.Errorf("%s: %q is not a keyring (secret-service, kernel or memory, separated by commas)", OrderEnv, oneLine(part))
		}
	}
	return order, nil
}

// kernelStore is the kernel keyring as Open uses it, so that tests can stand in for it.
type kernelStore interface {
	Store
	probe() error
}

// opener tries the stores of order and takes the first that answers.
type opener struct {
	order         []Kind
	timeout       time.Duration
	secretService backend
	kernel        kernelStore
}

// Open returns the first store of order that answers (the Secret Service within
// timeout), else an in-memory store and a one-line warning saying why.
func Open(timeout time.Duration, order []Kind) (Store, string) {
	return opener{order: order, timeout: timeout, secretService: goKeyring{}, kernel: NewKernel()}.open()
}

func (o opener) open() (Store, string) {
	st, why := o.choose()
	if _, memory := st.(*Memory); memory {
		return st, memoryWarning(why)
	}
	return st, ""
}

// choose returns the first store that answers, and why each one before it did not.
func (o opener) choose() (Store, []string) {
	var why []string
	for _, kind := range o.order {
		switch kind {
		case SecretService:
			k := newOS(o.secretService, o.timeout)
			_, err := k.Get(probeProfile)
			if err == nil || errors.Is(err, ErrNotFound) {
				return k, why
			}
			why = append(why, "Secret Service: "+oneLine(err.Error()))
		case KernelKeyring:
			err := o.kernel.probe()
			if err == nil {
				return o.kernel, why
			}
			why = append(why, oneLine(err.Error()))
		case MemoryOnly:
			return NewMemory(), why
		}
	}
	return NewMemory(), why
}

func memoryWarning(why []string) string {
	if len(why) == 0 {
		return "The session is kept in memory for this run only (" + OrderEnv + ")."
	}
	return "No keyring can keep the session: it is kept in memory for this run only. (" + strings.Join(why, "; ") + ")"
}

func oneLine(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
		if len(out) >= 160 {
			return string(out) + "…"
		}
	}
	return string(out)
}

// Lazy is a Store that finds out on first use which store answers, so that start-up
// never waits on D-Bus. Without a keyring it keeps entries in memory, and Warning says
// so in one line.
type Lazy struct {
	once   sync.Once
	opener opener
	store  Store
	why    []string
}

// NewLazy is Open's choice, made on first use.
func NewLazy(timeout time.Duration, order []Kind) *Lazy {
	return &Lazy{opener: opener{order: order, timeout: timeout, secretService: goKeyring{}, kernel: NewKernel()}}
}

func (l *Lazy) get() Store {
	l.once.Do(func() { l.store, l.why = l.opener.choose() })
	return l.store
}

func (l *Lazy) Get(p Profile) (Entry, error) { return l.get().Get(p) }
func (l *Lazy) Set(p Profile, e Entry) error { return l.get().Set(p, e) }
func (l *Lazy) Delete(p Profile) error       { return l.get().Delete(p) }
func (l *Lazy) Durable() bool                { return l.get().Durable() }
func (l *Lazy) Where() string                { return l.get().Where() }

// Warning is "" while a keyring is in use; otherwise why the session is in memory.
func (l *Lazy) Warning() string {
	if _, memory := l.get().(*Memory); memory {
		return memoryWarning(l.why)
	}
	return ""
}

// Refusals says in one line why each store tried before the one in use did not answer
// ("" when the first did, or none was tried).
func (l *Lazy) Refusals() string {
	l.get()
	return strings.Join(l.why, "; ")
}
