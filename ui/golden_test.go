package ui

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	demo "actas/demo/appwrite"
)

// Final-screen goldens: the real program (teatest) against the demo backend, with the
// clock frozen and no colour. Update them with: go test ./ui -run Golden -update

var port = regexp.MustCompile(`127\.0\.0\.1:\d+`)

func startProgram(t *testing.T, w *world, width, height int, opts ...tea.ProgramOption) *teatest.TestModel {
	t.Helper()
	opts = append([]tea.ProgramOption{tea.WithColorProfile(colorprofile.ASCII)}, opts...)
	return teatest.NewTestModel(t, New(w.deps), teatest.WithInitialTermSize(width, height), teatest.WithProgramOptions(opts...))
}

// waitText waits for s in the output stream. Later frames are cell diffs, where spaces
// may become cursor moves: wait for words without spaces that are new on screen.
func waitText(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

// settle waits until the program has drawn nothing new for a while: loads that follow
// the awaited text (a second page, their activity) have landed. The clock is frozen and
// no input is focused, so an idle program draws nothing.
func settle(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	buf := make([]byte, 64<<10)
	quietSince := time.Now()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if n, _ := tm.Output().Read(buf); n > 0 {
			quietSince = time.Now()
		}
		if time.Since(quietSince) > 300*time.Millisecond {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the program never went quiet")
}

// finalScreen ends the program without touching its state and returns the last View, as
// text, with the test server's port made stable.
func finalScreen(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	return port.ReplaceAllString(ansi.Strip(m.View().Content), "127.0.0.1:PORT")
}

func signInProgram(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	waitText(t, tm, "Sign in as yourself")
	tm.Type(demo.OperatorPassword)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitText(t, tm, "Mallory")
}

func actAsAda(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	tm.Type("jjjj")
	tm.Type("i")
	waitText(t, tm, "Reason")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	settle(t, tm)
}

func TestGoldenLogin(t *testing.T) {
	tm := startProgram(t, newWorld(t), 120, 40)
	waitText(t, tm, "Sign in as yourself")
	golden.RequireEqual(t, finalScreen(t, tm))
}

func TestGoldenPicker(t *testing.T) {
	tm := startProgram(t, newWorld(t), 120, 40)
	signInProgram(t, tm)
	settle(t, tm)
	golden.RequireEqual(t, finalScreen(t, tm))
}

func TestGoldenDetails(t *testing.T) {
	tm := startProgram(t, newWorld(t), 120, 40)
	signInProgram(t, tm)
	settle(t, tm)
	tm.Type("jjjj")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitText(t, tm, "Registered")
	settle(t, tm)
	golden.RequireEqual(t, finalScreen(t, tm))
}

func TestGoldenActingAs120x40(t *testing.T) {
	tm := startProgram(t, newWorld(t), 120, 40)
	signInProgram(t, tm)
	actAsAda(t, tm)
	golden.RequireEqual(t, finalScreen(t, tm))
}

func TestGoldenActingAs40x12(t *testing.T) {
	tm := startProgram(t, newWorld(t), 40, 12)
	signInProgram(t, tm)
	actAsAda(t, tm)
	golden.RequireEqual(t, finalScreen(t, tm))
}

func TestGoldenHelp(t *testing.T) {
	tm := startProgram(t, newWorld(t), 120, 40)
	signInProgram(t, tm)
	actAsAda(t, tm)
	tm.Type("?")
	waitText(t, tm, "closes")
	golden.RequireEqual(t, finalScreen(t, tm))
}

// Without colour the banner keeps reverse video and bold: the golden holds the escape
// codes of the frame as the terminal gets it, downsampled to no colour.
func TestGoldenNoColor(t *testing.T) {
	tm := startProgram(t, newWorld(t), 80, 24)
	signInProgram(t, tm)
	actAsAda(t, tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ASCII}
	_, _ = w.WriteString(m.View().Content)
	frame := port.ReplaceAllString(out.String(), "127.0.0.1:PORT")
	banner, _, _ := strings.Cut(frame, "\n")
	if !strings.Contains(banner, "\x1b[1;7m") && !strings.Contains(banner, "\x1b[7;1m") {
		t.Fatalf("the banner lost reverse video and bold without colour: %q", banner)
	}
	if regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|38|48)[;m]`).MatchString(frame) {
		t.Fatal("colour codes remain without colour")
	}
	golden.RequireEqual(t, frame)
}
