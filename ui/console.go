package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
)

const (
	consoleMethod = iota
	consolePath
	consoleBody
	consoleResponse
)

// requestConsole sends one request as the user: method, path relative to the endpoint,
// optional JSON body; the answer shown pretty-printed and scrollable (status, duration,
// headers without credentials) and copyable. A write goes out only after the write dialog.
type requestConsole struct {
	env     *env
	inputs  [3]textinput.Model
	focus   int
	sending bool
	gen     int
	resp    *client.Response
	err     error
	lines   []sanitize.Safe // the rendered answer
	scroll  int
	height  int
}

type consoleResultMsg struct {
	gen    int // the console's request
	impGen int // the impersonation it was sent as
	resp   client.Response
	err    error
}

func newConsole(e *env, method, path string) *requestConsole {
	c := &requestConsole{env: e}
	c.inputs[consoleMethod] = newInput(e, "GET", limitMethod)
	c.inputs[consolePath] = newInput(e, e.deps.Description.ExamplePath, limitPath)
	c.inputs[consoleBody] = newInput(e, strings.TrimSpace(e.deps.Description.ExampleBody+"  (JSON, optional)"), limitBody)
	if method == "" {
		method, path = "GET", e.deps.Description.ExamplePath
		c.focus = consolePath
	} else {
		c.focus = consoleResponse
	}
	c.inputs[consoleMethod].SetValue(method)
	c.inputs[consolePath].SetValue(path)
	c.focusInput()
	return c
}

// init sends a preset read at once.
func (c *requestConsole) init() tea.Cmd {
	if c.focus == consoleResponse {
		return c.send()
	}
	return nil
}

func (c *requestConsole) Title() sanitize.Safe { return "Request as " + c.env.noun() }
func (c *requestConsole) Capturing() bool      { return c.focus != consoleResponse }
func (c *requestConsole) SetSize(w, h int) {
	c.height = h
	c.inputs[consoleMethod].SetWidth(8)
	c.inputs[consolePath].SetWidth(max(10, w-12))
	c.inputs[consoleBody].SetWidth(max(10, w-12))
}

func (c *requestConsole) Help() []key.Binding {
	k := c.env.keys
	if c.focus == consoleResponse {
		b := []key.Binding{k.Console.Send, k.Console.Next, k.Nav.Down}
		if c.resp != nil {
			b = append(b, k.Console.Copy)
		}
		return append(b, k.Global.Back)
	}
	return []key.Binding{k.Console.Send, k.Console.Next, k.Console.Answer}
}

func (c *requestConsole) focusInput() tea.Cmd {
	var cmd tea.Cmd
	for i := range c.inputs {
		if i == c.focus {
			cmd = c.inputs[i].Focus()
		} else {
			c.inputs[i].Blur()
		}
	}
	return cmd
}

func (c *requestConsole) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case consoleResultMsg:
		if a := c.env.active; msg.gen == c.gen && a != nil && msg.impGen == a.Gen {
			c.sending, c.err, c.scroll = false, msg.err, 0
			c.resp = nil
			if msg.resp.Status != 0 {
				c.resp = &msg.resp
			}
			c.lines = c.render()
		}
	case sendConfirmedMsg:
		return c, c.dispatch(msg.req, msg.typed)
	case modeChangedMsg:
		c.err = nil
	case tea.PasteMsg:
		if c.focus != consoleResponse {
			pasteInto(c.env, &c.inputs[c.focus], msg.Content)
		}
	case tea.KeyPressMsg:
		if !c.sending {
			c.err = nil // what it said belonged to the key before
		}
		return c, c.key(msg)
	}
	return c, nil
}

func (c *requestConsole) key(msg tea.KeyPressMsg) tea.Cmd {
	k := c.env.keys
	switch {
	case key.Matches(msg, k.Console.Next):
		c.focus = (c.focus + 1) % 4
		return c.focusInput()
	case key.Matches(msg, k.Console.Prev):
		c.focus = (c.focus + 3) % 4
		return c.focusInput()
	case key.Matches(msg, k.Console.Answer) && c.focus != consoleResponse, key.Matches(msg, k.Global.Back):
		if c.focus != consoleResponse {
			c.focus = consoleResponse
			return c.focusInput()
		}
		c.env.post(popMsg{})
		return nil
	}
	if c.focus == consoleResponse {
		switch {
		case key.Matches(msg, k.Console.Send):
			return c.send()
		case key.Matches(msg, k.Nav.Down):
			c.scroll++
		case key.Matches(msg, k.Nav.Up):
			c.scroll = max(0, c.scroll-1)
		case key.Matches(msg, k.Nav.PageDown):
			c.scroll += max(1, c.height-5)
		case key.Matches(msg, k.Nav.PageUp):
			c.scroll = max(0, c.scroll-max(1, c.height-5))
		case key.Matches(msg, k.Console.Copy) && c.resp != nil:
			// The sanitised rendering: a raw body could carry control characters into a paste.
			return tea.Batch(tea.SetClipboard(string(sanitize.Join(c.lines, "\n"))), status("Response copied to the clipboard (OSC 52).", false))
		}
		return nil
	}
	if key.Matches(msg, k.Console.Send) {
		return c.send()
	}
	var cmd tea.Cmd
	c.inputs[c.focus], cmd = c.inputs[c.focus].Update(msg)
	return cmd
}

// request reads the form; a bad one is said in one line and nothing is lost. An empty
// method is the GET its placeholder shows.
func (c *requestConsole) request() (client.Request, error) {
	method := strings.ToUpper(strings.TrimSpace(c.inputs[consoleMethod].Value()))
	if method == "" {
		method = "GET"
	}
	path := strings.TrimSpace(c.inputs[consolePath].Value())
	body := strings.TrimSpace(c.inputs[consoleBody].Value())
	if !client.ValidMethod(method) {
		return client.Request{}, fmt.Errorf("method %q is not one of GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE", method)
	}
	if _, err := client.CleanPath(path); err != nil {
		return client.Request{}, err
	}
	if body != "" && !json.Valid([]byte(body)) {
		return client.Request{}, errors.New("the body is not valid JSON")
	}
	req := client.Request{Method: method, Path: path}
	if body != "" {
		req.Body = []byte(body)
	}
	return req, nil
}

func (c *requestConsole) send() tea.Cmd {
	req, err := c.request()
	if err != nil {
		c.err, c.resp, c.lines = err, nil, nil
		return nil
	}
	if client.IsWrite(req.Method) {
		switch a := c.env.active; {
		case c.env.policy().ReadOnly:
			c.err, c.resp, c.lines = errors.New("refused: this profile is read-only, writes are never sent"), nil, nil
			return c.dispatch(req, "") // the session refuses it too, and journals the refusal
		case a == nil || !a.Write:
			c.err, c.resp, c.lines = errors.New("refused: this impersonation is read-only; press w (outside inputs) to allow writes"), nil, nil
			return c.dispatch(req, "")
		}
		c.env.post(askWriteMsg{req: req})
		return nil
	}
	return c.dispatch(req, "")
}

// dispatch sends through the session, tied to the impersonation shown now: if that one
// has ended by the time the command runs, the session refuses.
func (c *requestConsole) dispatch(req client.Request, typed string) tea.Cmd {
	if c.env.active == nil {
		return nil
	}
	c.gen++
	c.sending = true
	sess, gen, impGen := c.env.sess, c.gen, c.env.active.Gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		resp, err := sess.Do(ctx, impGen, req, typed)
		return consoleResultMsg{gen: gen, impGen: impGen, resp: resp, err: err}
	}
}

// render lays out the answer: status and duration, headers, then the body, every line
// of it server text made safe.
func (c *requestConsole) render() []sanitize.Safe {
	if c.resp == nil {
		return nil
	}
	r := c.resp
	raw := []string{fmt.Sprintf("%d %s · %s", r.Status, http.StatusText(r.Status), r.Duration.Round(time.Millisecond))}
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		raw = append(raw, name+": "+strings.Join(r.Header[name], ", "))
	}
	raw = append(raw, "")
	raw = append(raw, strings.Split(string(prettyBody(r.Body)), "\n")...)
	lines := make([]sanitize.Safe, len(raw))
	for i, l := range raw {
		lines[i] = sanitize.Text(l)
	}
	return lines
}

func prettyBody(b []byte) []byte {
	var buf bytes.Buffer
	if json.Indent(&buf, b, "", "  ") != nil {
		return b
	}
	return buf.Bytes()
}

func (c *requestConsole) View(w, h int) sanitize.Safe {
	st := c.env.styles
	labels := [3]sanitize.Safe{"Method", "Path  ", "Body  "}
	var out []sanitize.Safe
	for i := range c.inputs {
		gutter, label := sanitize.Safe("  "), st.Label.Render(labels[i])
		if i == c.focus {
			gutter, label = "› ", st.Focused.Render(labels[i])
		}
		out = append(out, gutter+label+" "+inputView(c.inputs[i]))
	}
	switch {
	case c.sending:
		out = append(out, st.Muted.Render("Sending…"))
	case c.err != nil:
		out = append(out, st.Error.Render(sanitize.Fit(errText(c.err), w)))
	default:
		out = append(out, st.Muted.Render(sanitize.Fit("Sent as the "+c.env.noun()+", through their impersonation. tab: answer · c: copy", w)))
	}
	room := max(0, h-len(out))
	c.scroll = min(c.scroll, max(0, len(c.lines)-room))
	for _, l := range c.lines[c.scroll:] {
		if len(out) >= h {
			break
		}
		out = append(out, "  "+sanitize.Fit(l, max(1, w-2))) // indented: server text never starts a line
	}
	return sanitize.Join(out, "\n")
}
