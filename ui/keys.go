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
	Console ConsoleKeys
}

type GlobalKeys struct {
	Stop, Quit, ForceQuit, Help, Audit, Back, Write key.Binding
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
	Impersonate, Refresh, Actions key.Binding
}

type ConsoleKeys struct {
	Send, Next, Prev, Copy key.Binding
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
			Write:     k("w", "allow writes", "w"),
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
			Actions:     k("m", "actions", "m"),
		},
		Confirm: ConfirmKeys{
			Yes: k("enter", "confirm", "enter"),
			No:  k("esc", "cancel", "esc"),
		},
		Console: ConsoleKeys{
			Send: k("enter", "send", "enter"),
			Next: k("tab", "next field", "tab"),
			Prev: k("shift+tab", "previous field", "shift+tab"),
			Copy: k("c", "copy response", "c"),
		},
		Audit: AuditKeys{
			Filter:  k("/", "filter", "/"),
			Refresh: k("r", "refresh", "r"),
		},
	}
}
