package ui

import (
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/session"
)

// drainFor bounds how long keys are dropped after the brake is pulled, should the stop
// key itself never come through; each key dropped extends it by drainMore, so a slow
// event loop still drops all that was queued.
const (
	drainFor  = time.Second
	drainMore = 300 * time.Millisecond
)

// Brake stops an impersonation from outside the event loop: the terminal's reader pulls it
// the moment the stop key arrives, ahead of keys still queued before it (a large
// unbracketed paste). The session stops at once; the keys queued before the stop key are
// dropped by Filter until the stop key itself comes through.
type Brake struct {
	stop       key.Binding
	sess       atomic.Pointer[session.Session]
	drainUntil atomic.Int64 // unix nanoseconds; 0 when not draining

	mu   sync.Mutex
	send func(tea.Msg)
}

// brakeMsg tells the console the brake stopped impersonation gen.
type brakeMsg struct{ gen int }

// NewBrake makes a brake for the console's stop key.
func NewBrake() *Brake { return &Brake{stop: DefaultKeyMap().Global.Stop} }

// SetSend lets the brake tell the program (tea.Program.Send).
func (b *Brake) SetSend(send func(tea.Msg)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.send = send
}

// Pull stops the impersonation now, from any goroutine.
func (b *Brake) Pull() {
	b.drainUntil.Store(time.Now().Add(drainFor).UnixNano())
	gen := 0
	if s := b.sess.Load(); s != nil {
		gen = s.Gen()
		s.Stop(session.StopKey)
	}
	b.mu.Lock()
	send := b.send
	b.mu.Unlock()
	if send != nil {
		go send(brakeMsg{gen: gen})
	}
}

// Filter is a tea.WithFilter filter: while draining it drops typed and pasted input,
// until the stop key comes through.
func (b *Brake) Filter(_ tea.Model, msg tea.Msg) tea.Msg {
	until := b.drainUntil.Load()
	if until == 0 {
		return msg
	}
	if time.Now().UnixNano() > until {
		b.drainUntil.Store(0)
		return msg
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, b.stop) {
			b.drainUntil.Store(0)
			return msg
		}
		if msg.Code == 'x' && msg.Mod.Contains(tea.ModCtrl) { // after a lone ESC: alt+ctrl+x
			b.drainUntil.Store(0)
			return tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}
		}
	case tea.KeyReleaseMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
	default:
		return msg
	}
	b.drainUntil.Store(max(until, time.Now().Add(drainMore).UnixNano()))
	return nil
}

// hold makes s the session the brake stops.
func (b *Brake) hold(s *session.Session) {
	if b != nil {
		b.sess.Store(s)
	}
}

// StopSequences are the bytes the stop key arrives as: ctrl+x as a C0 control, and in
// the kitty keyboard protocol.
func StopSequences() [][]byte {
	return [][]byte{{0x18}, []byte("\x1b[120;5u")}
}
