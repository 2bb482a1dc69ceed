package ui

import "charm.land/bubbles/v2/key"

// KeyMap is the one place key bindings live; every help bar is built from it.
type KeyMap struct {
	Global  GlobalKeys
	Nav     NavKeys
	Picker  PickerKeys
	Login   LoginKeys
	Details DetailsKeys
	Confirm ConfirmKeys
	Audit   AuditKeys
}

type GlobalKeys struct {
	Stop, Quit, ForceQuit, Help, Audit, Back key.Binding
}

type NavKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

type PickerKeys struct {
	Search, Open, Impersonate, ImpersonateBy, Retry key.Binding
}

type LoginKeys struct {
	Next, Prev, Submit key.Binding
}

type DetailsKeys struct {
	Impersonate, Refresh key.Binding
}

type ConfirmKeys struct {
	Yes, No key.Binding
}

type AuditKeys struct {
	Filter, Refresh key.Binding
}

// DefaultKeyMap is actas's key bindings.
func DefaultKeyMap() KeyMap {
	k := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Global: GlobalKeys{
			Stop:      k("ctrl+x", "stop impersonating", "ctrl+x"),
			Quit:      k("q", "quit", "q"),
			ForceQuit: k("ctrl+c", "quit", "ctrl+c"),
			Help:      k("?", "help", "?"),
			Audit:     k("a", "audit", "a"),
			Back:      k("esc", "back", "esc"),
		},
		Nav: NavKeys{
			Up:       k("↑/k", "up", "up", "k"),
			Down:     k("↓/j", "down", "down", "j"),
			PageUp:   k("pgup", "page up", "pgup", "ctrl+b"),
			PageDown: k("pgdn", "page down", "pgdown", "ctrl+f"),
			Top:      k("g", "top", "home", "g"),
			Bottom:   k("G", "bottom", "end", "G"),
		},
		Picker: PickerKeys{
			Search:        k("/", "search", "/"),
			Open:          k("enter", "details", "enter"),
			Impersonate:   k("i", "act as", "i"),
			ImpersonateBy: k("p", "act as email/phone", "p"),
			Retry:         k("r", "retry", "r"),
		},
		Login: LoginKeys{
			Next:   k("tab", "next field", "tab", "down"),
			Prev:   k("shift+tab", "previous field", "shift+tab", "up"),
			Submit: k("enter", "sign in", "enter"),
		},
		Details: DetailsKeys{
			Impersonate: k("i", "act as", "i"),
			Refresh:     k("r", "refresh", "r"),
		},
		Confirm: ConfirmKeys{
			Yes: k("y/enter", "confirm", "y", "enter"),
			No:  k("n/esc", "cancel", "n", "esc"),
		},
		Audit: AuditKeys{
			Filter:  k("/", "filter", "/"),
			Refresh: k("r", "refresh", "r"),
		},
	}
}
