package ui

import (
	"charm.land/bubbles/v2/textinput"
)

// newInput is a text input in actas's look: no prompt (screens draw their own labels).
func newInput(e *env, placeholder string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	ti.SetStyles(textinput.DefaultStyles(e.styles.IsDark))
	return ti
}
