// Package typeahead reads a terminal ahead of the program that draws on it, so that a
// stop key is seen the moment it arrives, not after every key queued before it: a 1 MB
// unbracketed paste is a million key presses, and the stop key comes last.
package typeahead

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// maxQueued bounds what is held for the program: a paste longer than this is cut (inputs
// cap far below it), but what follows is still read and still searched for the stop key.
const maxQueued = 8 << 20

// chunk is how much is handed on at a time.
const chunk = 4096

// Watch starts reading in and returns the reader the program should take its input from.
// When one of the stop sequences arrives, onStop runs at once on the reading goroutine,
// everything still queued before the stop is dropped (what was typed ahead must neither
// delay the stop nor land on the screen the stop leads to), and the stop itself is handed
// on. The returned reader is a pipe, so the program can cancel its reads; close it to stop.
func Watch(in io.Reader, stops [][]byte, onStop func()) (*os.File, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	w := &watcher{stops: stops, onStop: onStop, out: pw}
	w.cond = sync.NewCond(&w.mu)
	for _, s := range stops {
		w.longest = max(w.longest, len(s))
	}
	go w.read(in)
	go w.forward()
	return pr, nil
}

type watcher struct {
	stops   [][]byte
	longest int
	onStop  func()
	out     *os.File

	mu    sync.Mutex
	cond  *sync.Cond
	queue []byte
	tail  []byte // the last bytes read, so a stop sequence split across reads is found
	done  bool
	// pasting says the bytes handed on so far opened a bracketed paste they have not
	// closed: dropping its end would leave the program reading every later key as paste.
	pasting bool
	handed  []byte // the last bytes handed on, for a paste marker split between chunks
}

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

func (w *watcher) read(in io.Reader) {
	buf := make([]byte, 64<<10)
	for {
		n, err := in.Read(buf)
		if n > 0 && w.take(buf[:n]) {
			w.onStop()
		}
		if err != nil {
			w.mu.Lock()
			w.done = true
			w.cond.Broadcast()
			w.mu.Unlock()
			return
		}
	}
}

// take queues b and reports whether a stop sequence arrived with it. On a stop, what is
// queued before the sequence is dropped.
func (w *watcher) take(b []byte) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer w.cond.Broadcast()
	window := append(append([]byte(nil), w.tail...), b...)
	w.tail = window[max(0, len(window)-(w.longest-1)):]
	at := w.find(window)
	if at < 0 {
		if room := maxQueued - len(w.queue); len(b) > room {
			dropped := b[max(0, room):]
			b = b[:max(0, room)]
			if bytes.Contains(dropped, pasteEnd) {
				b = append(append([]byte(nil), b...), pasteEnd...) // a paste cut short still ends
			}
		}
		w.queue = append(w.queue, b...)
		return false
	}
	k := at - (len(window) - len(b)) // where the sequence starts in b; below 0: in what came before
	var from []byte
	if k >= 0 {
		from = b[k:]
	} else {
		keep := min(-k, len(w.queue)) // the sequence's first bytes, if still queued
		from = append(append([]byte(nil), w.queue[len(w.queue)-keep:]...), b...)
	}
	w.queue = w.queue[:0]
	if w.pasting { // what was handed on opened a paste whose end is among what is dropped
		w.queue = append(w.queue, pasteEnd...)
	}
	w.queue = append(w.queue, from...)
	w.tail = nil
	return true
}

// find is the index of the first stop sequence in b, or -1.
func (w *watcher) find(b []byte) int {
	first := -1
	for _, s := range w.stops {
		if i := bytes.Index(b, s); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// forward hands the queue on through the pipe; a slow program blocks this goroutine
// only, while read goes on reading.
func (w *watcher) forward() {
	defer w.out.Close()
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && !w.done {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			w.mu.Unlock()
			return
		}
		n := cutBefore(w.queue, min(chunk, len(w.queue)))
		part := append([]byte(nil), w.queue[:n]...)
		w.queue = w.queue[n:]
		w.notePaste(part)
		w.mu.Unlock()
		if _, err := w.out.Write(part); err != nil {
			return
		}
	}
}

// cutBefore is where to end a chunk of at most n bytes of q: not inside an escape
// sequence that starts near its end, so that what is handed on never stops mid-sequence
// when the rest is dropped.
func cutBefore(q []byte, n int) int {
	if n == len(q) {
		return n
	}
	if i := bytes.LastIndexByte(q[max(0, n-16):n], 0x1b); i >= 0 && max(0, n-16)+i > 0 {
		return max(0, n-16) + i
	}
	return n
}

// notePaste follows whether the bytes handed on are inside a bracketed paste.
func (w *watcher) notePaste(part []byte) {
	seen := append(w.handed, part...)
	start, end := bytes.LastIndex(seen, pasteStart), bytes.LastIndex(seen, pasteEnd)
	switch {
	case start > end:
		w.pasting = true
	case end > start:
		w.pasting = false
	}
	w.handed = append([]byte(nil), seen[max(0, len(seen)-len(pasteStart)+1):]...)
}
