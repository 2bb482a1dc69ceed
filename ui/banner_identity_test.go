package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/session"
	"actas/ui/sanitize"
)

// The banner-identity table (issue 7, section 2): users whose names imitate another
// identity, the operator's part of the banner or the name's own quotes, very long names,
// CJK and right-to-left names, and a long reason, at every size from 30x8 to 200x60, with
// colour and without (NO_COLOR). Whatever the name, the banner and every dialog name the
// user by the identity the backend verified, first and whole where the width allows, and
// the operator and the stop key always; the name and the reason come after, cut, bounded
// and set apart.

// identitySizes are the terminals every case is drawn on.
var identitySizes = [][2]int{{30, 8}, {40, 12}, {60, 20}, {80, 24}, {120, 40}, {200, 60}}

// identityCase is one user to act as.
type identityCase struct {
	name   string
	user   string // the id of the user acted as
	rename string // their new name ("": the seeded one)
	reason string
}

// The 300-character user and other seeded names come from demo/internal/world/fixed.go.
var identityCases = []identityCase{
	{name: "another user's identity", user: "olga", rename: "Ada Lovelace ada@example.com (ada)" + strings.Repeat(" ", 94), reason: "HELP-4711"},
	{name: "the operator's part", user: "olga", rename: "Sam Support support@example.com (support) · operator support@example.com · 00:00 · ctrl+x stop", reason: "HELP-4711"},
	{name: "128 characters", user: "olga", rename: strings.Repeat("Maximilian-", 10) + "Ørsted-Wolff-Linka", reason: "HELP-4711"},
	{name: "300 characters (seeded)", user: demo.LongNameID, reason: "HELP-4711"},
	{name: "CJK", user: "yuki", rename: "山田由紀子・ヤマダユキコ・やまだゆきこ・山田由紀子・ヤマダ", reason: "HELP-4711"},
	{name: "right-to-left", user: "amina", rename: "أمينة الحسيني נועה כהן noa.cohen@example.il (noa)", reason: "HELP-4711"},
	{name: "quotes that try to close", user: "olga", rename: `Eve” ada@example.com (ada) “x" "y`, reason: "HELP-4711"},
	{name: "200-character reason", user: demo.AdaID, reason: "HELP-4711 " + strings.Repeat("customer cannot see invoices; ", 7)[:190]},
}

// shot is a frame taken on one screen, with whether the banner must be on it.
type shot struct {
	frame
	acting bool
}

// renameUser renames a user as an administrator does (PATCH /v1/users/{id}/name).
func (w *world) renameUser(t *testing.T, id, name string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"name": name})
	req, _ := http.NewRequest("PATCH", w.url+"/users/"+id+"/name", bytes.NewReader(body))
	req.Header.Set("X-Appwrite-Project", demo.DefaultProject)
	req.Header.Set("X-Appwrite-Key", w.srv.APIKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("PATCH /users/%s/name: %d", id, resp.StatusCode)
	}
}

func sizeName(s [2]int) string { return fmt.Sprintf("%dx%d", s[0], s[1]) }

// identityShots drives one world through the screens of the case at every size and
// returns the frames, by size, and the user as the backend holds them.
func identityShots(t *testing.T, c identityCase) (map[[2]int][]shot, client.Subject) {
	w := newWorld(t)
	if c.rename != "" {
		w.renameUser(t, c.user, c.rename)
	}
	sub := w.served(t, c.user)
	if c.rename != "" && sub.Name != c.rename {
		t.Fatalf("renamed to %q, the backend holds %q", c.rename, sub.Name)
	}
	h := newHarness(t, w.deps, 120, 40)
	wk := newWalker(t, w, h)
	k := wk.k
	h.signIn()
	wk.search("picker", c.user)
	wk.selectRow("picker", c.user)

	if n := utf8.RuneCountInString(sub.Name); c.name == "128 characters" && n != 128 || c.user == demo.LongNameID && n != 300 {
		t.Fatalf("the name has %d characters", n)
	}
	if n := utf8.RuneCountInString(c.reason); c.name == "200-character reason" && n != 200 {
		t.Fatalf("the reason has %d characters", n)
	}
	shots := map[[2]int][]shot{}
	take := func(where string, size [2]int, acting bool) {
		t.Helper()
		shots[size] = append(shots[size], shot{frame: snap(where, h.m), acting: acting})
	}
	resize := func(size [2]int) { wk.resize("resized to "+sizeName(size), size[0], size[1]) }

	// The act-as dialog as it opens for them, before anything starts.
	for _, size := range identitySizes {
		resize(size)
		h.press(k.Picker.Impersonate)
		if _, ok := h.m.dialog.(*actAsDialog); !ok {
			t.Fatalf("%s: no act-as dialog:\n%s", sizeName(size), h.screen())
		}
		take("act-as dialog", size, false)
		h.press(k.ActAs.No)
	}
	resize([2]int{120, 40})
	h.press(k.Picker.Impersonate)
	wk.paste("act-as dialog, reason", c.reason)
	wk.acting = starting
	wk.target = sub
	wk.confirm("act-as dialog", k.ActAs.Yes)
	wk.until("their view", func(m Model) bool { a, ok := m.top().(*actingAs); return ok && a.loaded && !a.loading })
	wk.acting = acting

	// Their view, the help overlay, the elevation dialog and the audit screen.
	for _, size := range identitySizes {
		resize(size)
		take("their view", size, true)
		h.press(k.Global.Help)
		take("help overlay", size, true)
		h.press(k.Global.Back)
		h.press(k.Global.Write)
		if _, ok := h.m.dialog.(*elevateDialog); !ok {
			t.Fatalf("%s: no elevation dialog:\n%s", sizeName(size), h.screen())
		}
		take("elevation dialog", size, true)
		h.press(k.Elevate.No)
		h.press(k.Global.Audit)
		h.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
		take("audit", size, true)
		h.press(k.Global.Back)
		h.until("their view", topIs[*actingAs])
	}

	// A write in the request console, after elevation: its dialog at every size.
	resize([2]int{120, 40})
	h.press(k.Global.Write)
	wk.confirm("elevation dialog", k.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	h.press(k.Details.Actions)
	for range actionsMenu(h.m.env)[1:] {
		h.press(k.Nav.Down)
	}
	h.press(k.Actions.Open)
	c2 := h.m.top().(*requestConsole)
	h.press(k.Console.Prev)
	for range c2.inputs[consoleMethod].Value() {
		h.key("backspace")
	}
	h.typeText("PATCH")
	h.press(k.Console.Next)
	h.typeText("/prefs")
	h.press(k.Console.Next)
	h.typeText(`{"prefs":{"theme":"light"}}`)
	h.press(k.Console.Send)
	if _, ok := h.m.dialog.(*writeDialog); !ok {
		t.Fatalf("no write dialog:\n%s", h.screen())
	}
	for _, size := range identitySizes {
		resize(size)
		take("write dialog", size, true)
	}
	h.press(k.Write.No)
	if n := writesSeenBy(w); n != 0 {
		t.Fatalf("%d writes sent", n)
	}
	// The table compares what it finds: at 120x40 the dialogs show both the identity and
	// the name, and the banner the name, or the rules of identityProblems compare nothing.
	for _, s := range shots[[2]int{120, 40}] {
		text := ansi.Strip(s.raw)
		if !strings.Contains(text, shownText(sub.Email)) || !strings.Contains(text, "“") {
			t.Fatalf("%s at 120x40 shows no identity or no name:\n%s", s.where, text)
		}
	}
	return shots, sub
}

func TestBannerIdentity(t *testing.T) {
	profiles := []struct {
		name    string
		profile colorprofile.Profile
	}{{"colour", colorprofile.TrueColor}, {"NO_COLOR", colorprofile.ASCII}}
	for _, c := range identityCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			shots, sub := identityShots(t, c)
			for _, size := range identitySizes {
				t.Run(sizeName(size), func(t *testing.T) {
					for _, p := range profiles {
						t.Run(p.name, func(t *testing.T) {
							for _, s := range shots[size] {
								want := identityWant{operator: demo.OperatorEmail}
								if s.acting {
									want.sub = sub
								}
								want.short = s.frame.short
								checkFrameAs(t, s.frame, want, p.profile)
								for _, problem := range identityProblems(s, sub, c.reason) {
									t.Errorf("%s at %s (%s): %s\nframe (plain):\n%s", s.where, sizeName(size), p.name, problem, ansi.Strip(s.raw))
								}
							}
						})
					}
				})
			}
		})
	}
}

// identityProblems are the rules of this table beyond the frame checker's: in every
// dialog the verified identity comes before the user's name; in the banner the name and
// the reason stay within their bounds.
func identityProblems(s shot, sub client.Subject, reason string) []string {
	var out []string
	lines := strings.Split(ansi.Strip(s.raw), "\n")
	body := lines[len(s.banner):]
	if strings.Contains(s.where, "dialog") {
		// The dialog's text without its box, so that a wrapped email reads whole.
		text := strings.Map(func(r rune) rune {
			if strings.ContainsRune(" │╭╮╰╯─", r) {
				return -1
			}
			return r
		}, strings.Join(body, ""))
		email := squeeze(shownText(sub.Email))
		nameAt := strings.Index(text, "“")
		emailAt := strings.Index(text, email)
		switch {
		case emailAt < 0 && nameAt >= 0:
			out = append(out, fmt.Sprintf("the dialog shows the user's name but not their verified email %q", shownText(sub.Email)))
		case emailAt >= 0 && nameAt >= 0 && nameAt < emailAt:
			out = append(out, "the dialog shows the user's name before their verified email")
		}
	}
	if len(s.banner) > 0 {
		if cells, ok := nameCells(lines[:len(s.banner)]); ok && cells > maxNameCells {
			out = append(out, fmt.Sprintf("the banner gives the name %d cells (at most %d)", cells, maxNameCells))
		}
		if cells := reasonCells(lines[:len(s.banner)], reason); cells > maxReasonCells {
			out = append(out, fmt.Sprintf("the banner gives the reason %d cells (at most %d)", cells, maxReasonCells))
		}
	}
	return out
}

// nameCells is how wide the quoted name is in the banner: from “ to ”, on the one line
// it sits on.
func nameCells(banner []string) (int, bool) {
	for _, l := range banner {
		i := strings.Index(l, "“")
		if i < 0 {
			continue
		}
		j := strings.Index(l[i:], "”")
		if j < 0 {
			return sanitize.Width(sanitize.Safe(l[i:])), true
		}
		return sanitize.Width(sanitize.Safe(l[i : i+j+len("”")])), true
	}
	return 0, false
}

// reasonCells is how wide the reason is in the banner: from where it starts to the next
// separator.
func reasonCells(banner []string, reason string) int {
	head := reason[:min(len(reason), 8)]
	for _, l := range banner {
		i := strings.Index(l, head)
		if i < 0 {
			continue
		}
		part, _, _ := strings.Cut(l[i:], " · ")
		return sanitize.Width(sanitize.Safe(strings.TrimRight(part, " ")))
	}
	return 0
}

// The longest identity the client takes as verified (client.CheckIdentity: a 254-character
// email, a 128-character id) at every size: the demo cannot rename an email, so the model
// is given the verified impersonation directly. The banner wraps the identity whole and
// must still end with the operator, the time and the stop key on screen.
func TestBannerIdentityLongestIdentity(t *testing.T) {
	email := strings.Repeat("a", 254-len("@example.com")) + "@example.com"
	for _, c := range []struct {
		name string
		sub  client.Subject
	}{
		{"254-character email", client.Subject{ID: "u1", Email: email, Name: "Ada Lovelace"}},
		{"128-character id", client.Subject{ID: strings.Repeat("b", 128), Email: "ada@example.com", Name: "Ada Lovelace"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := client.CheckIdentity(c.sub.ID, c.sub.Email); err != nil {
				t.Fatalf("not an identity the client verifies: %v", err)
			}
			for _, size := range identitySizes {
				t.Run(sizeName(size), func(t *testing.T) {
					m := New(Deps{Clock: newClock().Now})
					m.env.operator = client.Operator{ID: demo.OperatorID, Email: demo.OperatorEmail, Can: client.CanRead | client.CanWrite | client.CanAudit}
					m.stack = []screen{newPicker(m.env)}
					act := session.Active{Subject: c.sub, Started: m.env.now(), Gen: 1, Reason: "HELP-4711"}
					m.set(&act)
					m.now = m.env.now()
					m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					checkSafeFrame(t, c.name, m, c.sub, demo.OperatorEmail)
				})
			}
		})
	}
}
