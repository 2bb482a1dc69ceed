//go:build !unix

package session

import (
	"fmt"
	"os"
)

// openJournalFile is the portable fallback where O_NOFOLLOW and owners are not available:
// it refuses a link or a non-regular file at the path, which is racy but better than nothing.
func openJournalFile(path string) (*os.File, error) {
	if info, err := os.Lstat(path); err == nil {
		if info.Mode()&os.ModeSymlink != 0 {
			return nil, fmt.Errorf("%s is a symbolic link: refusing to follow it; remove it or point XDG_STATE_HOME elsewhere", path)
		}
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file: remove it or point XDG_STATE_HOME elsewhere", path)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func lockFile(*os.File) (unlock func()) { return func() {} }
