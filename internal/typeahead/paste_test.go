package typeahead

import (
	"bytes"
	"context"
	"io"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// feedPasteThenStop writes a bracketed paste far larger than the pipe holds, then the
// stop key, and returns once the watcher has seen the stop.
func feedPasteThenStop(t *testing.T) (out io.ReadCloser, feed *io.PipeWriter) {
	t.Helper()
	in, feed := io.Pipe()
	var stopped atomic.Int32
	out, err := Watch(in, stops, func() { stopped.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		_, _ = feed.Write(pasteStart)
		_, _ = feed.Write(bytes.Repeat([]byte("x"), 1<<20))
		_, _ = feed.Write(pasteEnd)
		_, _ = feed.Write([]byte{0x18})
	}()
	for deadline := time.Now().Add(10 * time.Second); stopped.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the stop was not seen")
		}
	}
	return out, feed
}

// The paste's start was handed on, its end was among what the stop dropped: the watcher
// ends the paste itself, so the program does not read every later key as pasted text.
func TestAStopInsideAPasteStillEndsIt(t *testing.T) {
	out, feed := feedPasteThenStop(t)
	defer out.Close()
	go func() { _, _ = feed.Write([]byte("q")) }()
	got := readUntil(t, out, []byte("q"))
	if bytes.Contains(got, pasteStart) && !bytes.Contains(got, pasteEnd) {
		t.Fatalf("the paste was opened and never ended (%d bytes handed on)", len(got))
	}
}

type keyRecorder struct{ msgs chan tea.Msg }

func (r keyRecorder) Init() tea.Cmd { return nil }
func (r keyRecorder) Update(m tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := m.(tea.KeyPressMsg); ok {
		r.msgs <- m
	}
	return r, nil
}
func (r keyRecorder) View() tea.View { return tea.NewView("") }

// What Bubble Tea makes of it: the stop key and the keys typed after it arrive as keys.
func TestBubbleTeaGetsTheKeysAfterAStopInAPaste(t *testing.T) {
	out, feed := feedPasteThenStop(t)
	r := keyRecorder{msgs: make(chan tea.Msg, 1024)}
	// The program is left running: ending it races inside cancelreader (Close against its
	// own Read), which the race detector would pin on this test.
	p := tea.NewProgram(r, tea.WithInput(out), tea.WithOutput(io.Discard), tea.WithContext(context.Background()), tea.WithWindowSize(80, 24))
	go func() { _, _ = p.Run() }()
	go func() { _, _ = feed.Write([]byte("q")) }()
	var got []string
	deadline := time.After(10 * time.Second)
	for len(got) < 2 {
		select {
		case m := <-r.msgs:
			got = append(got, m.(tea.KeyPressMsg).String())
		case <-deadline:
			t.Fatalf("keys after the stop: %v: the program is stuck inside the paste", got)
		}
	}
	if got[0] != "ctrl+x" || got[1] != "q" {
		t.Fatalf("keys %v", got)
	}
}
