package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
)

// targetPrompt names the user to act as by email, phone (+E.164) or id.
type targetPrompt struct {
	env   *env
	input textinput.Model
	err   string
}

func newTargetPrompt(e *env) *targetPrompt {
	p := &targetPrompt{env: e, input: newInput(e, "ada@example.com, +14155550100 or a user id", 320)}
	p.input.Focus()
	return p
}

func (p *targetPrompt) Title() string    { return "Act as…" }
func (p *targetPrompt) Capturing() bool  { return true }
func (p *targetPrompt) SetSize(w, h int) { p.input.SetWidth(max(10, min(60, w-4))) }
func (p *targetPrompt) Help() []key.Binding {
	return []key.Binding{p.env.keys.Login.Submit, p.env.keys.Global.Back}
}

func (p *targetPrompt) Update(msg tea.Msg) (screen, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, p.env.keys.Global.Back):
			p.env.post(popMsg{})
			return p, nil
		case key.Matches(msg, p.env.keys.Login.Submit):
			t, err := client.ParseTarget(p.input.Value())
			if err != nil {
				p.err = err.Error() // the typed text stays for correction
				return p, nil
			}
			label := t.Kind.String() + " " + t.Value
			p.env.post(promptDoneMsg{askActAsMsg{target: t, label: label}})
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if _, ok := msg.(tea.KeyPressMsg); ok {
		p.err = ""
	}
	return p, cmd
}

func (p *targetPrompt) View(w, h int) string {
	st := p.env.styles
	out := st.Title.Render("Act as a user named by email, phone or id") + "\n\n"
	out += "› " + p.input.View() + "\n\n"
	if p.err != "" {
		out += st.Error.Render(sanitize.Line(p.err, w)) + "\n"
	} else {
		out += st.Muted.Render(sanitize.Fit("The backend must confirm the user before anything is shown as them.", w)) + "\n"
	}
	return out
}
