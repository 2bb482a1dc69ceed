package ui

import (
	"context"
	"errors"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
)

// targetPrompt names the user to act as by email, phone (+E.164) or id, and looks them
// up as the operator before the confirmation opens: a mistyped target is said in plain
// words here, not as the backend's refusal later.
type targetPrompt struct {
	env     *env
	input   textinput.Model
	looking bool
	gen     int
}

type lookupMsg struct {
	gen    int
	target client.Target
	who    client.Subject
	err    error
}

func newTargetPrompt(e *env) *targetPrompt {
	p := &targetPrompt{env: e, input: newInput(e, e.deps.Description.Targets.Example, limitTarget)}
	p.input.Focus()
	return p
}

func (p *targetPrompt) Title() sanitize.Safe { return "Act as…" }
func (p *targetPrompt) Capturing() bool      { return true }
func (p *targetPrompt) SetSize(w, h int)     { p.input.SetWidth(max(10, min(60, w-4))) }
func (p *targetPrompt) Help() []key.Binding {
	return []key.Binding{p.env.keys.Prompt.Submit, p.env.keys.Prompt.Leave}
}

func (p *targetPrompt) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case lookupMsg:
		if msg.gen == p.gen {
			p.looking = false
			p.found(msg)
		}
		return p, nil
	case tea.PasteMsg:
		pasteInto(p.env, &p.input, msg.Content)
		return p, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.env.keys.Prompt.Leave):
			p.env.post(popMsg{})
			return p, nil
		case key.Matches(msg, p.env.keys.Prompt.Submit):
			return p, p.submit()
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

func (p *targetPrompt) submit() tea.Cmd {
	t, err := p.env.deps.Description.ParseTarget(p.input.Value())
	if err != nil { // the typed text stays for correction
		p.env.post(statusMsg{text: targetHint(p.input.Value(), p.env.deps.Description), full: errText(err), isErr: true})
		return nil
	}
	p.gen++
	p.looking = true
	sess, gen := p.env.sess, p.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		who, err := sess.Find(ctx, t)
		return lookupMsg{gen: gen, target: t, who: who, err: err}
	}
}

func (p *targetPrompt) found(msg lookupMsg) {
	switch {
	case msg.err == nil:
		p.env.post(promptDoneMsg{askActAsMsg{target: msg.target, who: msg.who}})
	case errors.Is(msg.err, client.ErrNotFound):
		text := "No " + p.env.noun() + " with " + sanitize.Text(msg.target.String()) + "."
		if msg.target.Kind == client.ByID && allDigits(msg.target.Value) && takesPhones(p.env.deps.Description) {
			text += " Phone numbers start with + and the country code, e.g. +14155550100."
		}
		p.env.post(statusMsg{text: text, full: errText(msg.err), isErr: true})
	default:
		p.env.post(statusMsg{text: "Could not look that " + p.env.noun() + " up: " + firstError(msg.err), full: errText(msg.err), isErr: true})
	}
}

// targetHint says in a few words what a target that cannot be parsed should look like,
// in the dialect's words ("an email, a +phone or a user id").
func targetHint(typed string, d client.Description) sanitize.Safe {
	ways := d.Targets.Hint
	switch t := []rune(typed); {
	case len(t) == 0:
		return "Type " + sanitize.Text(ways) + "."
	case t[0] == '+' && takesPhones(d):
		return "Phone numbers are + and 7 to 15 digits, e.g. +14155550100."
	}
	if _, err := d.ParseTarget(typed); err != nil && hasHidden(typed) {
		return "The target has an invisible character (shown as �): retype it."
	}
	return "That is not " + sanitize.Text(ways) + "."
}

// takesPhones says whether the dialect names subjects by phone number too.
func takesPhones(d client.Description) bool {
	t, err := d.ParseTarget("+14155550100")
	return err == nil && t.Kind == client.ByPhone
}

func hasHidden(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || sanitize.Invisible(r) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func (p *targetPrompt) View(w, h int) sanitize.Safe {
	st := p.env.styles
	lines := []sanitize.Safe{st.Title.Render("Act as a " + p.env.noun() + " named by " + sanitize.Text(p.env.deps.Description.Targets.Ways)), "", "› " + inputView(p.input), ""}
	if p.looking {
		lines = append(lines, st.Muted.Render("Looking them up…"))
	} else {
		lines = append(lines, st.Muted.Render(sanitize.Fit("They are looked up first; the backend must confirm them before anything is shown as them.", w)))
	}
	return sanitize.Join(lines, "\n")
}
