package ui

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
	"actas/ui/sanitize"
)

const (
	fieldEndpoint = iota
	fieldProject  // the dialect's scope
	fieldSignIn   // the dialect's sign-in fields start here
)

// label is the form's name of field i: the scope's and the sign-in fields' are the
// dialect's ("Project", "Email", "Password").
func (s *loginScreen) label(i int) string {
	switch {
	case i == fieldEndpoint:
		return "Endpoint"
	case i == fieldProject:
		return s.env.deps.Description.Scope.Label
	}
	return s.signIn[i-fieldSignIn].Label
}

// loginScreen signs the operator in: it resumes a stored session when it can, else asks
// for the endpoint, the dialect's scope and sign-in fields (Appwrite: project, email and
// password), then a TOTP code when the account needs one.
type loginScreen struct {
	env      *env
	fields   []textinput.Model // endpoint, scope, then signIn's
	signIn   []client.SignInField
	focus    int
	code     textinput.Model
	mfa      *session.Session // set while a second factor is awaited
	mfaKey   keyring.Profile  // where mfa's session is to be kept
	busy     sanitize.Safe    // what is running ("" when idle)
	spinner  spinner.Model
	err      sanitize.Safe
	notice   sanitize.Safe
	width    int
	height   int
	attempts int
	resuming bool // the stored session is being looked up
	queued   bool // enter was pressed meanwhile: sign in with the form if that finds nothing
}

// loginDoneMsg is the end of a sign-in attempt.
type loginDoneMsg struct {
	sess    *session.Session
	profile keyring.Profile
	op      client.Operator
	err     error
	resumed bool
	attempt int
}

func newLogin(e *env) *loginScreen {
	desc := e.deps.Description
	s := &loginScreen{env: e, spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot)), signIn: desc.SignInFields()}
	d := e.deps.Login
	s.fields = []textinput.Model{newInput(e, desc.EndpointExample, limitLogin), newInput(e, desc.Scope.Placeholder, limitLogin)}
	s.fields[fieldEndpoint].SetValue(d.Endpoint)
	s.fields[fieldProject].SetValue(d.Project)
	for _, f := range s.signIn {
		in := newInput(e, f.Placeholder, limitLogin)
		if f.Credential == client.CredEmail {
			in.SetValue(d.Email)
		}
		if f.Secret() {
			in.EchoMode, in.EchoCharacter = textinput.EchoPassword, '•'
		}
		s.fields = append(s.fields, in)
	}
	s.code = newInput(e, "123456", limitCode)
	s.focus = fieldEndpoint
	for s.focus < len(s.fields)-1 && (s.fields[s.focus].Value() != "" || !s.shown(s.focus) || s.optional(s.focus)) {
		s.focus++ // the cursor starts in the first empty field it needs: the secret when prefilled
	}
	s.fields[s.focus].Focus()
	return s
}

func (s *loginScreen) init() tea.Cmd {
	d := s.env.deps.Login
	if d.Resume && d.Endpoint != "" && (d.Project != "" || !s.shown(fieldProject)) && d.Email != "" {
		s.busy, s.resuming = "Resuming the stored session…", true
		return tea.Batch(s.resume(), s.spinner.Tick)
	}
	return nil
}

func (s *loginScreen) Title() sanitize.Safe { return "Sign in" }

func (s *loginScreen) Capturing() bool { return true }

func (s *loginScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	for i := range s.fields {
		s.fields[i].SetWidth(max(10, min(60, w-14)))
	}
	s.code.SetWidth(12)
}

func (s *loginScreen) Help() []key.Binding {
	k := s.env.keys
	if s.mfa != nil {
		return []key.Binding{k.MFA.Submit, k.MFA.Leave}
	}
	return []key.Binding{k.Login.Submit, k.Login.Next, k.Login.Prev}
}

func (s *loginScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if s.busy == "" {
			return s, nil
		}
		var cmd tea.Cmd
		s.spinner, cmd = s.spinner.Update(msg)
		return s, cmd
	case loginDoneMsg:
		return s.done(msg)
	case tea.PasteMsg:
		switch {
		case s.mfa != nil:
			pasteInto(s.env, &s.code, msg.Content)
		default:
			pasteInto(s.env, &s.fields[s.focus], msg.Content)
			s.err = ""
		}
		return s, nil
	case stylesChangedMsg:
		for i := range s.fields {
			s.fields[i].SetStyles(textinput.DefaultStyles(s.env.styles.IsDark))
		}
		s.code.SetStyles(textinput.DefaultStyles(s.env.styles.IsDark))
		return s, nil
	case tea.KeyPressMsg:
		// One attempt at a time, but what is typed meanwhile (while the stored session is
		// looked up, say) is kept: only enter, and esc from the code, wait.
		if s.resuming && s.mfa == nil && key.Matches(msg, s.env.keys.Login.Submit) {
			// Typed ahead of the lookup: the enter counts once it is done (a person
			// should not have to press it twice, nor watch for the lookup to end).
			s.queued, s.busy = true, "Resuming the stored session… (then signing in with the form)"
			return s, nil
		}
		if s.busy != "" && (key.Matches(msg, s.env.keys.Login.Submit) || s.mfa != nil && key.Matches(msg, s.env.keys.MFA.Leave)) {
			return s, nil
		}
		if s.mfa != nil {
			return s.updateCode(msg)
		}
		return s.updateForm(msg)
	}
	return s, nil
}

func (s *loginScreen) updateForm(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k := s.env.keys.Login
	switch {
	case key.Matches(msg, k.Submit):
		return s.submit()
	case key.Matches(msg, k.Next):
		return s, s.moveFocus(1)
	case key.Matches(msg, k.Prev):
		return s, s.moveFocus(-1)
	}
	var cmd tea.Cmd
	s.fields[s.focus], cmd = s.fields[s.focus].Update(msg)
	s.err = ""
	return s, cmd
}

func (s *loginScreen) moveFocus(d int) tea.Cmd {
	s.fields[s.focus].Blur()
	s.focus = (s.focus + d + len(s.fields)) % len(s.fields)
	if !s.shown(s.focus) {
		s.focus = (s.focus + d + len(s.fields)) % len(s.fields)
	}
	return s.fields[s.focus].Focus()
}

// optional says whether field i may be left empty.
func (s *loginScreen) optional(i int) bool {
	return i >= fieldSignIn && s.signIn[i-fieldSignIn].Optional
}

// shown says whether field i is on the form: the scope only for a dialect that has one.
func (s *loginScreen) shown(i int) bool {
	return i != fieldProject || s.env.deps.Description.Scope.Label != ""
}

func (s *loginScreen) value(i int) string { return strings.TrimSpace(s.fields[i].Value()) }

// submit checks the form and signs in; a missing field is named and focused, nothing typed
// is lost.
func (s *loginScreen) submit() (screen, tea.Cmd) {
	for i := range s.fields {
		if s.value(i) == "" && s.shown(i) && !s.optional(i) {
			s.err = sanitize.Text(s.label(i) + " is required.")
			s.fields[s.focus].Blur()
			s.focus = i
			return s, s.fields[i].Focus()
		}
	}
	endpoint, project := s.value(fieldEndpoint), s.value(fieldProject)
	var cred client.Credentials
	for i, f := range s.signIn {
		v := s.fields[fieldSignIn+i].Value()
		if f.Credential != client.CredPassword { // a password may begin or end in a space
			v = strings.TrimSpace(v)
		}
		cred.Set(f.Credential, v)
	}
	e := s.env
	s.attempts++
	attempt := s.attempts
	s.busy, s.err, s.notice = "Signing in…", "", ""
	return s, tea.Batch(s.spinner.Tick, func() tea.Msg {
		sess, err := openSession(e, endpoint, project)
		if err != nil {
			return loginDoneMsg{err: err, attempt: attempt}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		op, err := sess.Login(ctx, cred)
		profile := sess.Key(keyEmail(cred, op))
		return loginDoneMsg{sess: sess, profile: profile, op: op, err: err, attempt: attempt}
	})
}

// openSession makes a signed-out session that owns its backend: the console never holds
// the client.
func openSession(e *env, endpoint, scope string) (*session.Session, error) {
	d := e.deps.Description
	return session.Open(e.deps.Open, session.Config{Dialect: e.deps.Dialect, ConfirmBy: d.Confirm.Fields, DefaultScope: d.DefaultScope,
		Journal: e.deps.Journal, Clock: e.deps.Clock, Policy: e.deps.Policy}, endpoint, scope)
}

// wrongWhat names the sign-in fields in a sentence: "email or password", "API token".
func wrongWhat(fields []client.SignInField) sanitize.Safe {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Label
		if r := []rune(f.Label); len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
			names[i] = string(unicode.ToLower(r[0])) + string(r[1:]) // "Email", not "API"
		}
	}
	return sanitize.Text(strings.Join(names, " or "))
}

// keyEmail is the operator email the keyring keys the session by: the one typed, or the
// backend's for a dialect that signs in with a token.
func keyEmail(cred client.Credentials, op client.Operator) string {
	if cred.Email != "" {
		return cred.Email
	}
	return op.Email
}

// resume looks up the stored session and validates it with the backend.
func (s *loginScreen) resume() tea.Cmd {
	e := s.env
	d := e.deps.Login
	return func() tea.Msg {
		sess, err := openSession(e, d.Endpoint, d.Project)
		if err != nil {
			return loginDoneMsg{err: err, resumed: true}
		}
		profile := sess.Key(d.Email)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		op, _, err := session.Stored{Store: e.deps.Keyring, Profile: profile}.Resume(ctx, sess)
		return loginDoneMsg{sess: sess, profile: profile, op: op, err: err, resumed: true}
	}
}

func (s *loginScreen) done(msg loginDoneMsg) (screen, tea.Cmd) {
	if !msg.resumed && msg.attempt != s.attempts {
		return s, nil
	}
	s.busy = ""
	queued := s.queued && msg.resumed
	if msg.resumed {
		s.resuming, s.queued = false, false
	}
	switch {
	case msg.err == nil:
		// The root takes the session now, before the next key: nothing signed in goes unheld.
		s.env.post(signedInMsg{sess: msg.sess, profile: msg.profile, op: msg.op, resumed: msg.resumed})
		return s, nil
	case queued && !errors.Is(msg.err, client.ErrMFARequired):
		return s.submit() // the enter pressed during the lookup
	case msg.resumed && errors.Is(msg.err, keyring.ErrNotFound):
		return s, nil // nothing stored: the form it is
	case msg.resumed && errors.Is(msg.err, client.ErrUnauthorized):
		s.notice = "The stored session has expired or was revoked: sign in again."
		return s, nil
	case errors.Is(msg.err, client.ErrMFARequired):
		s.mfa, s.mfaKey = msg.sess, msg.profile
		s.code.SetValue("")
		return s, s.code.Focus()
	}
	s.err = loginError(msg.err, msg.resumed, s.signIn)
	return s, nil
}

// loginError says in one line what went wrong and what to do.
func loginError(err error, resumed bool, fields []client.SignInField) sanitize.Safe {
	var apiErr *client.Error
	prefix := sanitize.Safe("Sign-in failed: ")
	if resumed {
		prefix = "Could not resume the stored session: "
	}
	switch {
	case errors.Is(err, client.ErrBadPassword):
		return "Wrong " + wrongWhat(fields) + "."
	case errors.Is(err, client.ErrBadCode):
		return "That code is not valid: check the authenticator's clock and try the next code."
	case errors.Is(err, client.ErrBlocked):
		return "This account is blocked."
	case errors.Is(err, client.ErrRateLimited):
		wait := "later"
		if errors.As(err, &apiErr) && apiErr.RetryAfter > 0 {
			wait = "in " + apiErr.RetryAfter.Round(time.Minute).String()
		}
		return "Too many sign-in attempts: try again " + sanitize.Text(wait) + "."
	case errors.Is(err, client.ErrNetwork):
		return prefix + "the backend cannot be reached (" + errText(err) + ")."
	case errors.Is(err, client.ErrTimeout):
		return prefix + "the backend did not answer in time."
	}
	return prefix + errText(err)
}

func (s *loginScreen) updateCode(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(msg, s.env.keys.MFA.Leave):
		half := s.mfa // signed in with a password only: end that session on the backend
		s.mfa = nil
		s.err = ""
		return s, tea.Batch(s.fields[s.focus].Focus(), func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = half.Logout(ctx)
			return nil
		})
	case key.Matches(msg, s.env.keys.MFA.Submit):
		code := strings.TrimSpace(s.code.Value())
		if code == "" {
			s.err = "Enter the 6-digit code from your authenticator."
			return s, nil
		}
		sess, profile := s.mfa, s.mfaKey
		s.attempts++
		attempt := s.attempts
		s.busy, s.err = "Checking the code…", ""
		return s, tea.Batch(s.spinner.Tick, func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			op, err := sess.CompleteMFA(ctx, code)
			return loginDoneMsg{sess: sess, profile: profile, op: op, err: err, attempt: attempt}
		})
	}
	var cmd tea.Cmd
	s.code, cmd = s.code.Update(msg)
	s.err = ""
	return s, cmd
}

func (s *loginScreen) View(w, h int) sanitize.Safe {
	st := s.env.styles
	lines := []sanitize.Safe{st.Title.Render("Sign in as yourself"), ""}
	if s.mfa != nil {
		lines = append(lines, "This account needs a second factor.", "", "› "+st.Label.Render("TOTP code")+"  "+inputView(s.code))
	} else {
		for i := range s.fields {
			if !s.shown(i) {
				continue
			}
			gutter := sanitize.Safe("  ")
			label := st.Label.Render(sanitize.Pad(sanitize.Text(s.label(i)), 9))
			if i == s.focus {
				gutter, label = "› ", st.Focused.Render(sanitize.Pad(sanitize.Text(s.label(i)), 9))
			}
			lines = append(lines, gutter+label+" "+inputView(s.fields[i]))
		}
	}
	lines = append(lines, "")
	switch {
	case s.busy != "":
		lines = append(lines, sanitize.Styled(s.spinner.View())+" "+s.busy)
	case s.err != "":
		lines = append(lines, st.Error.Render(sanitize.Fit(s.err, w)))
	case s.notice != "":
		lines = append(lines, st.Notice.Render(sanitize.Fit(s.notice, w)))
	default:
		lines = append(lines, "")
	}
	if hint := s.env.deps.Login.Hint; hint != "" && s.mfa == nil {
		for _, l := range strings.Split(hint, "\n") {
			lines = append(lines, st.Muted.Render(sanitize.Text(l)))
		}
	}
	return sanitize.Join(lines, "\n")
}
