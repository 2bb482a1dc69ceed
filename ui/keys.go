package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"actas/client"
)

// KeyMap is the one place key bindings live; every help bar is built from it, each
// screen from its own group.
type KeyMap struct {
	Global  GlobalKeys
	Nav     NavKeys
	Picker  PickerKeys
	Search  InputKeys // typing a search in the picker
	Filter  InputKeys // typing the audit filter
	Prompt  InputKeys // naming a subject the dialect's way (email, phone or id)
	Login   LoginKeys
	MFA     InputKeys
	Details DetailsKeys
	Actions ActionsKeys
	ActAs   ConfirmKeys
	Elevate ConfirmKeys
	Scope   ConfirmKeys // choosing where in the subject to act
	Write   ConfirmKeys
	Audit   AuditKeys
	Console ConsoleKeys
}

type GlobalKeys struct {
	Stop, Quit, ForceQuit, Help, Audit, Back, Write, Why key.Binding
}

type NavKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

type PickerKeys struct {
	Search, Open, Impersonate, ImpersonateBy, Retry key.Binding
}

// InputKeys are the keys of a screen where a text input has focus.
type InputKeys struct {
	Submit, Leave key.Binding
}

type LoginKeys struct {
	Next, Prev, Submit key.Binding
}

type DetailsKeys struct {
	Impersonate, Refresh, Actions, Scope key.Binding
}

type ActionsKeys struct {
	Open key.Binding
}

type ConsoleKeys struct {
	Send, Next, Prev, Copy, Answer key.Binding
}

type ConfirmKeys struct {
	Yes, No key.Binding
}

type AuditKeys struct {
	Filter, Refresh key.Binding
}

// speak puts the dialect's words into the help of the keys that name them.
func (k *KeyMap) speak(d client.Description) {
	if ways := d.Targets.Short; ways != "" {
		k.Picker.ImpersonateBy.SetHelp(k.Picker.ImpersonateBy.Help().Key, "act as "+ways)
	}
	if place := d.TargetScope.Label; place != "" {
		k.Details.Scope.SetHelp(k.Details.Scope.Help().Key, "switch "+strings.ToLower(place))
	}
}

// DefaultKeyMap is actas's key bindings.
func DefaultKeyMap() KeyMap {
	k := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	input := func(submit, leave string) InputKeys {
		return InputKeys{Submit: k("enter", submit, "enter"), Leave: k("esc", leave, "esc")}
	}
	confirm := func(yes, no string) ConfirmKeys {
		return ConfirmKeys{Yes: k("enter", yes, "enter"), No: k("esc", no, "esc")}
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
			Why:       k("ctrl+o", "whole message", "ctrl+o"),
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
			ImpersonateBy: k("p", "act as…", "p"), // New says how, in the dialect's words
			Retry:         k("r", "retry", "r"),
		},
		Search: input("show results", "stop typing"),
		Filter: input("apply filter", "stop typing"),
		Prompt: input("look up", "back"),
		MFA:    input("check code", "back"),
		Login: LoginKeys{
			Next:   k("tab", "next field", "tab", "down"),
			Prev:   k("shift+tab", "previous field", "shift+tab", "up"),
			Submit: k("enter", "sign in", "enter"),
		},
		Details: DetailsKeys{
			Impersonate: k("i", "act as", "i"),
			Refresh:     k("r", "refresh", "r"),
			Actions:     k("m", "actions", "m"),
			Scope:       k("e", "switch environment", "e"), // New says it in the dialect's words
		},
		Actions: ActionsKeys{Open: k("enter", "open", "enter")},
		ActAs:   confirm("start", "cancel"),
		Elevate: ConfirmKeys{Yes: k("enter", "allow writes", "enter", "y"), No: k("esc", "stay read-only", "esc", "n")},
		Write:   confirm("send", "cancel"),
		Scope:   confirm("act there", "keep"),
		Console: ConsoleKeys{
			Send:   k("enter", "send", "enter"),
			Next:   k("tab", "next field", "tab"),
			Prev:   k("shift+tab", "previous field", "shift+tab"),
			Copy:   k("c", "copy response", "c"),
			Answer: k("esc", "to the answer", "esc"),
		},
		Audit: AuditKeys{
			Filter:  k("/", "filter", "/"),
			Refresh: k("r", "refresh", "r"),
		},
	}
}
