//go:build unix

package session

import (
	"fmt"
	"os"
	"syscall"
)

// openJournalFile opens path for appending without following a symbolic link and without
// blocking on a named pipe, then checks the file it opened (not what the path named a moment
// earlier) is a regular file of the current user before making it 0600. Checking the path
// first and opening second would race with someone swapping in a link.
func openJournalFile(path string) (*os.File, error) {
	const flags = syscall.O_RDWR | syscall.O_APPEND | syscall.O_CREAT | syscall.O_CLOEXEC |
		syscall.O_NOFOLLOW | syscall.O_NONBLOCK | syscall.O_NOCTTY
	fd, err := retryEINTR(func() (int, error) { return syscall.Open(path, flags, 0o600) })
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkJournalFile(fd, path); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

func checkJournalFile(fd int, path string) error {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return &os.PathError{Op: "fstat", Path: path, Err: err}
	}
	if kind := uint32(st.Mode) & syscall.S_IFMT; kind != syscall.S_IFREG {
		return fmt.Errorf("%s is not a regular file (%s): remove it or point XDG_STATE_HOME elsewhere", path, fileKind(kind))
	}
	if me := os.Getuid(); int(st.Uid) != me {
		return fmt.Errorf("%s is owned by uid %d, not you (uid %d)", path, st.Uid, me)
	}
	// O_NONBLOCK was only there so that opening a named pipe could not hang.
	if err := syscall.SetNonblock(fd, false); err != nil {
		return &os.PathError{Op: "fcntl", Path: path, Err: err}
	}
	if err := syscall.Fchmod(fd, 0o600); err != nil {
		return &os.PathError{Op: "chmod", Path: path, Err: err}
	}
	return nil
}

// openError names what is wrong. Systems differ in the errno O_NOFOLLOW gives for a link
// (ELOOP on Linux and macOS, EMLINK on FreeBSD), so ask the path itself.
func openError(path string, err error) error {
	if info, lerr := os.Lstat(path); lerr == nil {
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link: refusing to follow it; remove it or point XDG_STATE_HOME elsewhere", path)
		case info.IsDir():
			return fmt.Errorf("%s is not a regular file (a directory): remove it or point XDG_STATE_HOME elsewhere", path)
		}
	}
	return &os.PathError{Op: "open", Path: path, Err: err}
}

func fileKind(kind uint32) string {
	switch kind {
	case syscall.S_IFDIR:
		return "a directory"
	case syscall.S_IFIFO:
		return "a named pipe"
	case syscall.S_IFCHR:
		return "a character device"
	case syscall.S_IFBLK:
		return "a block device"
	case syscall.S_IFSOCK:
		return "a socket"
	case syscall.S_IFLNK:
		return "a symbolic link"
	}
	return fmt.Sprintf("file type %#o", kind)
}

// lockFile takes an exclusive flock on f until unlock is called. It is best effort: where
// the file system has no locks the journal still opens, and at worst two consoles starting
// at the same moment both record the same unterminated impersonation.
func lockFile(f *os.File) (unlock func()) {
	raw, err := f.SyscallConn()
	if err != nil {
		return func() {}
	}
	var lockErr error
	if err := raw.Control(func(fd uintptr) {
		_, lockErr = retryEINTR(func() (int, error) { return 0, syscall.Flock(int(fd), syscall.LOCK_EX) })
	}); err != nil || lockErr != nil {
		return func() {}
	}
	return func() {
		raw.Control(func(fd uintptr) { syscall.Flock(int(fd), syscall.LOCK_UN) })
	}
}

func retryEINTR(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
