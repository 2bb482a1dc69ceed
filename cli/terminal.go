package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"actas/internal/typeahead"
	"actas/ui"
)

// watchTerminal puts the terminal in raw mode and reads it ahead of the console, so that
// the stop key pulls the brake at once, however much input is queued before it. Without a
// terminal on stdin it does nothing (Bubble Tea opens /dev/tty itself).
func watchTerminal(brake *ui.Brake) (input *os.File, restore func(), err error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, func() {}, nil
	}
	undo, err := typeahead.MakeRaw(fd)
	if errors.Is(err, errors.ErrUnsupported) {
		return nil, func() {}, nil // read the usual way: the stop key then waits its turn
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot set up the terminal: %w", err)
	}
	restore = func() { _ = undo() }
	input, err = typeahead.Watch(os.Stdin, ui.StopSequences(), brake.Pull)
	if err != nil {
		restore()
		return nil, nil, err
	}
	return input, restore, nil
}
