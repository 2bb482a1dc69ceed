package session

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// Recent is the last profile signed in to: where and as whom, never a secret. It lets the
// next start find the keyring entry without asking.
type Recent struct {
	Profile  string `json:"profile,omitempty"` // the configured profile it came from, if any
	Endpoint string `json:"endpoint"`
	Project  string `json:"project"`
	Email    string `json:"email"`
}

// DefaultRecentPath is $XDG_STATE_HOME/actas/recent.json.
func DefaultRecentPath() string {
	return filepath.Join(xdg.StateHome, "actas", "recent.json")
}

// LoadRecent reads the last profile; a missing or unreadable file is no profile.
func LoadRecent(path string) (Recent, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Recent{}, false
	}
	var r Recent
	if json.Unmarshal(b, &r) != nil || r.Endpoint == "" {
		return Recent{}, false
	}
	return r, true
}

// SaveRecent writes the last profile, mode 0600.
func SaveRecent(path string, r Recent) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
