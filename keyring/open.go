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
	st, why, _ := o.choose()
	if _, memory := st.(*Memory); memory {
		return st, memoryWarning(why)
	}
	return st, ""
}

// choose returns the first store that answers, why each one before it did not, and the
// kinds after it (tried by Lazy for an entry stored when the first did not answer).
func (o opener) choose() (Store, []string, []Kind) {
	var why []string
	for i, kind := range o.order {
		if kind == MemoryOnly {
			break
		}
		st, err := o.try(kind)
		if err == nil {
			return st, why, o.order[i+1:]
		}
		why = append(why, err.Error())
	}
	return NewMemory(), why, nil
}

// try opens one store, or says in one line why it does not answer.
func (o opener) try(kind Kind) (Store, error) {
	switch kind {
	case SecretService:
		k := newOS(o.secretService, o.timeout)
		_, err := k.Get(probeProfile)
		if err == nil || errors.Is(err, ErrNotFound) {
			return k, nil
		}
		return nil, errors.New("Secret Service: " + oneLine(err.Error()))
	case KernelKeyring:
		if err := o.kernel.probe(); err != nil {
			return nil, errors.New(oneLine(err.Error()))
		}
		return o.kernel, nil
	}
	return nil, fmt.Errorf("%s keeps nothing", kind)
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
// so in one line. An entry is written to the first store that answers; it is looked up
// and deleted in the later ones too, since it may have been stored while the first did
// not answer (a locked Secret Service, a login over SSH): a logout must not leave it.
type Lazy struct {
	once   sync.Once
	opener opener
	store  Store
	why    []string
	later  []Kind

	laterOnce sync.Once
	others    []Store // the later stores that answer
}

// NewLazy is Open's choice, made on first use.
func NewLazy(timeout time.Duration, order []Kind) *Lazy {
	return &Lazy{opener: opener{order: order, timeout: timeout, secretService: goKeyring{}, kernel: NewKernel()}}
}

func (l *Lazy) get() Store {
	l.once.Do(func() { l.store, l.why, l.later = l.opener.choose() })
	return l.store
}

func (l *Lazy) otherStores() []Store {
	l.get()
	l.laterOnce.Do(func() {
		for _, kind := range l.later {
			if kind == MemoryOnly {
				break
			}
			if st, err := l.opener.try(kind); err == nil {
				l.others = append(l.others, st)
			}
		}
	})
	return l.others
}

func (l *Lazy) Get(p Profile) (Entry, error) {
	e, err := l.get().Get(p)
	if !errors.Is(err, ErrNotFound) {
		return e, err
	}
	for _, st := range l.otherStores() {
		if found, ferr := st.Get(p); ferr == nil {
			return found, nil
		}
	}
	return e, err
}

// Set writes to the first store and removes what a later one kept of an older session.
func (l *Lazy) Set(p Profile, e Entry) error {
	if err := l.get().Set(p, e); err != nil {
		return err
	}
	for _, st := range l.otherStores() {
		_ = st.Delete(p)
	}
	return nil
}

// Delete removes the entry from every store that answers.
func (l *Lazy) Delete(p Profile) error {
	err := l.get().Delete(p)
	for _, st := range l.otherStores() {
		err = errors.Join(err, st.Delete(p))
	}
	return err
}

func (l *Lazy) Durable() bool { return l.get().Durable() }
func (l *Lazy) Where() string { return l.get().Where() }

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
