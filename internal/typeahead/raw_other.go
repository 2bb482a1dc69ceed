//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package typeahead

import "errors"

// MakeRaw is not available here: the console then reads the terminal the usual way.
func MakeRaw(int) (func() error, error) { return nil, errors.ErrUnsupported }
