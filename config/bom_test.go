package config

import (
	"strings"
	"testing"
)

const bom = "\uFEFF"

// Some Windows editors save UTF-8 with a byte order mark.
func TestLoadAcceptsABOM(t *testing.T) {
	f, err := Load(writeConfig(t, bom+"default_profile = \"a\"\n[profiles.a]\nendpoint = \"https://x.example/v1\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.DefaultProfile != "a" || f.Profiles["a"].Endpoint != "https://x.example/v1" {
		t.Errorf("loaded %+v", f)
	}
}

// With a BOM, every error is the same as without, line numbers included.
func TestBOMKeepsErrorsRight(t *testing.T) {
	for _, c := range errorCases {
		path := writeConfig(t, bom+c.doc)
		_, err := Load(path)
		if want := strings.ReplaceAll(c.want, "PATH", path); err == nil || err.Error() != want {
			t.Errorf("%s with a BOM:\n got %v\nwant %s", c.name, err, want)
		}
	}
}

// Only a leading BOM is taken away: one anywhere else is still refused.
func TestBOMInsideIsRefused(t *testing.T) {
	path := writeConfig(t, "[profiles.a]\n"+bom+"project = \"p\"\n")
	if _, err := Load(path); err == nil || !strings.HasPrefix(err.Error(), "config "+path+":2: ") {
		t.Errorf("error = %v", err)
	}
}
