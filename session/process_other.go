//go:build !linux

package session

import (
	"errors"
	"os"
	"syscall"
)

// processStart has no portable source outside Linux: the pid alone has to do.
func processStart(int) string { return "" }

// processGone asks whether the pid is free (signal 0). Without a start identity a reused
// pid looks alive, which only means an unterminated impersonation goes unrecorded.
func processGone(pid int, _ string) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}
