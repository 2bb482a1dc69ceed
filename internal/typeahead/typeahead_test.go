package typeahead

import (
	"bytes"
	"io"
	"sync/atomic"
	"testing"
	"time"
)

var stops = [][]byte{{0x18}, []byte("\x1b[120;5u")}

// readUntil reads what the program would, until it has read something ending in suffix.
func readUntil(t *testing.T, r io.Reader, suffix []byte) []byte {
	t.Helper()
	done := make(chan []byte, 1)
	go func() {
		var got []byte
		buf := make([]byte, 64<<10)
		for !bytes.HasSuffix(got, suffix) {
			n, err := r.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
		done <- got
	}()
	select {
	case got := <-done:
		return got
	case <-time.After(10 * time.Second):
		t.Fatalf("never read %q", suffix)
		return nil
	}
}

// A megabyte typed ahead, then the stop key: the stop is seen as soon as it is read,
// while the program has taken nothing yet, and what was queued before it is dropped.
func TestStopKeyIsSeenAheadOfAQueuedPaste(t *testing.T) {
	in, feed := io.Pipe()
	var stopped atomic.Int32
	out, err := Watch(in, stops, func() { stopped.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	go func() {
		_, _ = feed.Write(bytes.Repeat([]byte("x"), 1<<20))
		_, _ = feed.Write([]byte{0x18, 'q'})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for stopped.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the stop key was not seen while the program read nothing")
		}
		time.Sleep(time.Millisecond)
	}
	got := readUntil(t, out, []byte{0x18, 'q'})
	// The pipe may hold what was handed on before the stop (the console drops those keys
	// itself); the rest of the megabyte is gone, and the stop and what follows it remain.
	if len(got) > 1<<17 || !bytes.HasSuffix(got, []byte{0x18, 'q'}) {
		t.Fatalf("%d bytes reached the program, ending %q", len(got), got[max(0, len(got)-4):])
	}
	if stopped.Load() != 1 {
		t.Fatalf("onStop ran %d times", stopped.Load())
	}
}

// A stop sequence split across two reads is still found; bytes without one pass whole.
func TestStopSequenceAcrossReads(t *testing.T) {
	in, feed := io.Pipe()
	var stopped atomic.Int32
	out, err := Watch(in, stops, func() { stopped.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	go func() {
		_, _ = feed.Write([]byte("hello"))
		_, _ = feed.Write([]byte("\x1b[120"))
		_, _ = feed.Write([]byte(";5uok"))
	}()
	got := readUntil(t, out, []byte("ok"))
	if !bytes.HasSuffix(got, []byte("\x1b[120;5uok")) || stopped.Load() != 1 {
		t.Fatalf("got %q, stopped %d", got, stopped.Load())
	}
}

func TestWithoutAStopEverythingPasses(t *testing.T) {
	in, feed := io.Pipe()
	out, err := Watch(in, stops, func() { t.Error("a stop without the stop key") })
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	msg := bytes.Repeat([]byte("abc\x1b[A"), 20000)
	go func() { _, _ = feed.Write(msg); feed.Close() }()
	got, err := io.ReadAll(out) // to the end: the input closed
	if err != nil || !bytes.Equal(got, msg) {
		t.Fatalf("%d of %d bytes, changed (%v)", len(got), len(msg), err)
	}
}
