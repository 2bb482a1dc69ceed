package ui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/ui/sanitize"
)

// Input limits, in characters: enough for what each field holds, small enough that a
// runaway paste cannot slow the console down.
const (
	limitSearch = 256
	limitTarget = 320
	limitReason = 200
	limitLogin  = 256
	limitCode   = 12
	limitMethod = 8
	limitPath   = 2048
	limitBody   = 64 << 10
	limitFilter = 120
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

// inputView draws an input. What was typed or pasted is the operator's, yet it may have
// been copied from a ticket: bidi controls in it show as U+FFFD.
func inputView(ti textinput.Model) sanitize.Safe { return sanitize.Styled(ti.View()) }

// pasteInto inserts a bracketed paste into an input, up to the input's limit, and says
// what was left out (a note for the status line, "" when nothing was).
func pasteInto(e *env, ti *textinput.Model, content string) {
	before := utf8.RuneCountInString(ti.Value())
	*ti, _ = ti.Update(tea.PasteMsg{Content: content})
	kept := utf8.RuneCountInString(ti.Value()) - before
	if pasted := utf8.RuneCountInString(content); ti.CharLimit > 0 && kept < pasted && before+kept >= ti.CharLimit {
		e.post(statusMsg{text: sanitize.Text("Pasted " + itoa(pasted) + " characters; this field holds " +
			itoa(ti.CharLimit) + ", so " + itoa(pasted-kept) + " were left out."), isErr: true})
	}
}
