package config

import (
	"strconv"
	"strings"
	"testing"
)

func TestQuoteValue(t *testing.T) {
	a60 := strings.Repeat("a", 60)
	for in, want := range map[string]string{
		"":                         `""`,
		"15x":                      `"15x"`,
		"a\nb\x1b[31m":             `"a\nb\x1b[31m"`,
		a60:                        `"` + a60 + `"`,
		a60 + "b":                  `"` + a60 + `…" (1 more character)`,
		a60 + "bc":                 `"` + a60 + `…" (2 more characters)`,
		strings.Repeat("日", 100):   `"` + strings.Repeat("日", 30) + `…" (70 more characters)`,
		strings.Repeat("\x00", 20): `"` + strings.Repeat(`\x00`, 15) + `…" (5 more characters)`,
		// Zero-width marks are counted too: a run of them is not free.
		"e" + strings.Repeat("\u0301", 100): `"e` + strings.Repeat("\u0301", 59) + `…" (41 more characters)`,
	} {
		if got := quoteValue(in); got != want {
			t.Errorf("quoteValue(%.20q) = %q; want %q", in, got, want)
		}
	}
}

// long is a 100,000-character value.
var long = strings.Repeat("x", 100_000)

// maxErrorBytes bounds an error echoing long: its fixed text, the path and a cut value.
const maxErrorBytes = 600

// Every error of Load and Resolve that could echo long stays one short line.
func TestLongValuesAreCut(t *testing.T) {
	files := map[string]string{
		"endpoint":           "[profiles.a]\nendpoint = \"ftp://" + long + "\"\n",
		"endpoint password":  "[profiles.a]\nendpoint = \"https://me:" + long + "@x.example/v1\"\n",
		"dialect":            "[profiles.a]\ndialect = \"" + long + "\"\n",
		"color":              "[profiles.a]\ncolor = \"" + long + "\"\n",
		"idle_timeout":       "[profiles.a]\nidle_timeout = \"" + long + "\"\n",
		"negative duration":  "[profiles.a]\nmax_duration = \"-1" + strings.Repeat("0", 100_000) + "s\"\n",
		"default_profile":    "default_profile = \"" + long + "\"\n[profiles.a]\n",
		"profile name":       "[profiles." + long + "]\ncolor = \"pink\"\n",
		"quoted profile":     "[profiles.\"" + long + " \"]\ncolor = \"pink\"\n",
		"unknown key":        "[profiles.a]\n" + long + " = 1\n",
		"unknown top key":    long + " = 1\n",
		"wrong type":         "[profiles.a]\nread_only = \"" + long + "\"\n",
		"unquoted value":     "[profiles.a]\nidle_timeout = " + long + "\n",
		"bad escape":         "[profiles.a]\nproject = \"\\q" + long + "\"\n",
		"written twice":      "[profiles.a]\nproject = \"" + long + "\"\nproject = \"" + long + "\"\n",
		"many long profiles": manyProfiles(50) + "default_profile = \"nope\"\n",
	}
	for name, doc := range files {
		path := writeConfig(t, doc)
		_, err := Load(path)
		if err == nil {
			t.Errorf("%s: loaded", name)
			continue
		}
		checkLoadError(t, path, doc, err)
		checkShort(t, name, err)
	}

	f, err := Load(writeConfig(t, manyProfiles(50)))
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		o   Overrides
		env map[string]string
	}{
		"--profile":       {o: Overrides{Profile: long}},
		"ACTAS_PROFILE":   {env: map[string]string{"ACTAS_PROFILE": long}},
		"ACTAS_READ_ONLY": {env: map[string]string{"ACTAS_READ_ONLY": long}},
		"ACTAS_INSECURE":  {env: map[string]string{"ACTAS_INSECURE": long}},
		"--endpoint":      {o: Overrides{Endpoint: "https://" + long + ":port/v1"}},
		"ACTAS_ENDPOINT":  {env: map[string]string{"ACTAS_ENDPOINT": "http://" + long + ".example/v1"}},
		"profile endpoint": {o: Overrides{Profile: "p0" + strings.Repeat("y", 100)},
			env: map[string]string{"ACTAS_INSECURE": "0"}},
	} {
		_, err := Resolve(f, c.o, func(k string) string { return c.env[k] })
		if err == nil {
			t.Errorf("%s: resolved", name)
			continue
		}
		checkShort(t, name, err)
	}
}

func checkShort(t *testing.T, name string, err error) {
	t.Helper()
	msg := err.Error()
	if len(msg) > maxErrorBytes || strings.ContainsAny(msg, "\r\n") {
		t.Errorf("%s: error of %d bytes: %.300s", name, len(msg), msg)
	}
}

// manyProfiles writes n profiles with long names and plain-http endpoints.
func manyProfiles(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[profiles.p" + strconv.Itoa(i) + strings.Repeat("y", 100) + "]\nendpoint = \"http://" + strings.Repeat("z", 1000) + ".example\"\n")
	}
	return b.String()
}

func TestLongValueMessage(t *testing.T) {
	path := writeConfig(t, "[profiles.a]\ncolor = \""+long+"\"\n")
	_, err := Load(path)
	want := "config " + path + `:2: profiles.a.color: unknown color "` + strings.Repeat("x", 60) +
		`…" (99940 more characters) (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %.300v\nwant %s", err, want)
	}
}

// Only a handful of profile names are listed.
func TestKnownProfilesAreBounded(t *testing.T) {
	f := &File{Profiles: map[string]Profile{}}
	for i := range 20 {
		f.Profiles["p"+strconv.Itoa(i+10)] = Profile{}
	}
	want := "known profiles: p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20, p21, and 8 more"
	if got := knownProfiles(f); got != want {
		t.Errorf("knownProfiles = %q; want %q", got, want)
	}
	f.Profiles = map[string]Profile{long: {}, "a": {}}
	want = "known profiles: a, and 1 more" // a long name after the first is counted, not cut
	if got := knownProfiles(f); got != want {
		t.Errorf("knownProfiles = %q; want %q", got, want)
	}
}
