package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/pelletier/go-toml/v2"
)

// Built-in defaults, used when neither flag, environment nor profile says.
const (
	defaultDialect     = "appwrite"
	defaultIdleTimeout = 15 * time.Minute
	defaultMaxDuration = 60 * time.Minute
)

// Profile is one [profiles.NAME] table of the file, with the file's defaults
// applied (dialect, label, durations).
type Profile struct {
	Name, Dialect, Endpoint, Project, Email, Label       string
	Color                                                string // normalised: "" or "#RRGGBB"
	ReadOnly, RequireReason, AllowImpersonatingOperators bool
	// Insecure allows plain http to an endpoint that is not loopback; the console then
	// says INSECURE in its header.
	Insecure                 bool
	IdleTimeout, MaxDuration time.Duration // 0 = no limit
}

// File is a loaded configuration file.
type File struct {
	Path           string
	DefaultProfile string
	Profiles       map[string]Profile

	// given records, per profile name, the keys the file wrote and the line
	// of each (so that Resolve can tell "profile" from "default", and name
	// the line of an endpoint it refuses). Nil for a File not made by Load:
	// then every field of a profile counts as written except an empty string
	// and false.
	given map[string]map[string]int
}

// DefaultPath is $XDG_CONFIG_HOME/actas/config.toml (~/.config/actas/config.toml
// when XDG_CONFIG_HOME is not set).
func DefaultPath() string {
	return filepath.Join(xdg.ConfigHome, "actas", "config.toml")
}

// rawFile and rawProfile mirror the file; a nil pointer is a key not written.
type rawFile struct {
	DefaultProfile *string               `toml:"default_profile"`
	Profiles       map[string]rawProfile `toml:"profiles"`
}

type rawProfile struct {
	Dialect                     *string `toml:"dialect"`
	Endpoint                    *string `toml:"endpoint"`
	Project                     *string `toml:"project"`
	Email                       *string `toml:"email"`
	Label                       *string `toml:"label"`
	Color                       *string `toml:"color"`
	ReadOnly                    *bool   `toml:"read_only"`
	RequireReason               *bool   `toml:"require_reason"`
	IdleTimeout                 *string `toml:"idle_timeout"`
	MaxDuration                 *string `toml:"max_duration"`
	AllowImpersonatingOperators *bool   `toml:"allow_impersonating_operators"`
	Insecure                    *bool   `toml:"insecure"`
}

// Load reads and validates the file at path. A missing file gives an empty
// File and no error; anything wrong with an existing file gives an error of
// one line naming the file, the line and the key, and no File.
//
// dialects are the names of the dialects the binary has (main's table); none given
// means Appwrite alone. A profile naming another is an error at its line.
func Load(path string, dialects ...string) (*File, error) {
	if len(dialects) == 0 {
		dialects = []string{defaultDialect}
	}
	doc, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{Path: path, Profiles: map[string]Profile{}}, nil
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fileError{path: path, msg: "cannot read: " + err.Error()}
	}
	return parseFor(path, doc, dialects)
}

// utf8BOM starts files saved by some Windows editors; TOML itself refuses it.
var utf8BOM = []byte("\uFEFF")

func parse(path string, doc []byte) (*File, error) {
	return parseFor(path, doc, []string{defaultDialect})
}

func parseFor(path string, doc []byte, dialects []string) (*File, error) {
	// Stripped before anything reads the document, so every offset, line and
	// column below is counted in the same text (the BOM is on line 1 anyway).
	doc = bytes.TrimPrefix(doc, utf8BOM)
	entries, perr := index(doc)
	if perr != nil {
		return nil, syntaxError(path, doc, entries, perr)
	}
	var raw rawFile
	dec := toml.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, decodeError(path, doc, entries, err)
	}
	return validate(path, doc, entries, &raw, dialects)
}

// validate turns the decoded file into a File, reporting the first problem
// in file order.
func validate(path string, doc []byte, entries []entry, raw *rawFile, dialects []string) (*File, error) {
	f := &File{
		Path:     path,
		Profiles: make(map[string]Profile, len(raw.Profiles)),
		given:    make(map[string]map[string]int, len(raw.Profiles)),
	}
	var errs []*fileError
	where := func(key []string) (line, offset int) {
		if o, ok := locate(entries, key); ok {
			return lineAt(doc, o), o
		}
		return 0, len(doc)
	}
	fail := func(key []string, format string, args ...any) {
		line, offset := where(key)
		errs = append(errs, &fileError{path: path, line: line, offset: offset, key: keyString(key), msg: fmt.Sprintf(format, args...)})
	}

	// The decoder matches keys regardless of case (Color = … fills color):
	// only the exact keys are allowed.
	for _, e := range entries {
		if n := unknownPrefix(e.key); n > 0 {
			msg := "unknown key"
			if k := foldedKey(e.key[:n]); k != "" {
				msg += " (did you mean " + k + "?)"
			}
			fail(e.key[:n], "%s", msg)
		}
	}

	for name, rp := range raw.Profiles {
		at := func(field string) []string { return []string{"profiles", name, field} }
		p := Profile{Name: name, Dialect: defaultDialect, IdleTimeout: defaultIdleTimeout, MaxDuration: defaultMaxDuration}
		given := map[string]int{}
		f.given[name] = given
		mark := func(field string) { given[field], _ = where(at(field)) }
		if strings.TrimSpace(name) == "" {
			fail([]string{"profiles", name}, "a profile name must not be empty")
		}
		str := func(field string, v *string, dst *string) {
			if v != nil {
				*dst = *v
				mark(field)
			}
		}
		boolean := func(field string, v *bool, dst *bool) {
			if v != nil {
				*dst = *v
				mark(field)
			}
		}
		str("dialect", rp.Dialect, &p.Dialect)
		str("endpoint", rp.Endpoint, &p.Endpoint)
		str("project", rp.Project, &p.Project)
		str("email", rp.Email, &p.Email)
		str("label", rp.Label, &p.Label)
		boolean("read_only", rp.ReadOnly, &p.ReadOnly)
		boolean("require_reason", rp.RequireReason, &p.RequireReason)
		boolean("allow_impersonating_operators", rp.AllowImpersonatingOperators, &p.AllowImpersonatingOperators)
		boolean("insecure", rp.Insecure, &p.Insecure)

		if rp.Dialect != nil {
			if msg := CheckDialect(*rp.Dialect, dialects); msg != "" {
				fail(at("dialect"), "%s", msg)
			}
		}
		if rp.Endpoint != nil {
			if msg := endpointProblem(*rp.Endpoint, true); msg != "" {
				fail(at("endpoint"), "%s", msg)
			}
		}
		if p.Label == "" {
			p.Label = strings.ToUpper(name)
		}
		if rp.Color != nil {
			c, ok := normaliseColor(*rp.Color)
			if !ok {
				fail(at("color"), "unknown color %s (use %s or #RRGGBB)", quoteValue(*rp.Color), strings.Join(colorNames, ", "))
			}
			p.Color = c
			mark("color")
		}
		idleOK, maxOK := true, true
		if rp.IdleTimeout != nil {
			d, msg := parseDuration(*rp.IdleTimeout)
			if msg != "" {
				fail(at("idle_timeout"), "%s", msg)
				idleOK = false
			}
			p.IdleTimeout = d
			mark("idle_timeout")
		}
		if rp.MaxDuration != nil {
			d, msg := parseDuration(*rp.MaxDuration)
			if msg != "" {
				fail(at("max_duration"), "%s", msg)
				maxOK = false
			}
			p.MaxDuration = d
			mark("max_duration")
		}
		if idleOK && maxOK && p.IdleTimeout > 0 && p.MaxDuration > 0 && p.IdleTimeout > p.MaxDuration {
			if rp.IdleTimeout != nil {
				fail(at("idle_timeout"), "%s is longer than max_duration %s", formatDuration(p.IdleTimeout), formatDuration(p.MaxDuration))
			} else {
				fail(at("max_duration"), "%s is shorter than the default idle_timeout %s (set idle_timeout too)", formatDuration(p.MaxDuration), formatDuration(p.IdleTimeout))
			}
		}
		f.Profiles[name] = p
	}

	if raw.DefaultProfile != nil {
		f.DefaultProfile = *raw.DefaultProfile
		if _, ok := f.Profiles[f.DefaultProfile]; !ok {
			fail([]string{"default_profile"}, "profile %s is not defined (%s)", quoteValue(f.DefaultProfile), knownProfiles(f))
		}
	}

	if len(errs) > 0 {
		// The first in the file, whatever the order of the map above.
		first := slices.MinFunc(errs, func(a, b *fileError) int {
			if a.offset != b.offset {
				return a.offset - b.offset
			}
			return strings.Compare(a.Error(), b.Error())
		})
		return nil, first
	}
	return f, nil
}

// recognisedDialects are planned dialects a binary may not have yet.
var recognisedDialects = []string{"appwrite", "ironflow", "mpdx"}

// CheckDialect says in one line what is wrong with a dialect name, given the names the
// binary has ("" when it is one of them).
func CheckDialect(d string, supported []string) string {
	switch {
	case slices.Contains(supported, d):
		return ""
	case slices.Contains(recognisedDialects, d):
		return fmt.Sprintf("dialect %s is not supported yet", d)
	default:
		return fmt.Sprintf("unknown dialect %s (supported: %s)", quoteValue(d), strings.Join(supported, ", "))
	}
}

// parseDuration parses a limit: a Go duration, not negative; 0 = no limit.
func parseDuration(s string) (time.Duration, string) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Sprintf("%s is not a duration (e.g. 15m, 1h)", quoteValue(s))
	}
	if d < 0 {
		return 0, fmt.Sprintf("%s is negative (use \"0\" for no limit)", quoteValue(s))
	}
	return d, ""
}

// formatDuration writes 1h0m0s as 1h and 15m0s as 15m.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Colours by name: the CSS colour of that name.
var (
	colorNames  = []string{"red", "orange", "yellow", "green", "blue", "magenta", "cyan", "gray"}
	colorByName = map[string]string{
		"red":     "#FF0000",
		"orange":  "#FFA500",
		"yellow":  "#FFFF00",
		"green":   "#008000",
		"blue":    "#0000FF",
		"magenta": "#FF00FF",
		"cyan":    "#00FFFF",
		"gray":    "#808080",
		"grey":    "#808080",
	}
)

// normaliseColor maps a name or #RRGGBB (any case) to "#RRGGBB"; "" stays "".
func normaliseColor(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	if c, ok := colorByName[strings.ToLower(s)]; ok {
		return c, true
	}
	if len(s) != 7 || s[0] != '#' {
		return "", false
	}
	for _, r := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return "", false
		}
	}
	return strings.ToUpper(s), true
}

// knownProfiles lists the profile names for an error message.
func knownProfiles(f *File) string {
	if f == nil || len(f.Profiles) == 0 {
		return "no profiles are defined"
	}
	names := make([]string, 0, len(f.Profiles))
	for n := range f.Profiles {
		names = append(names, n)
	}
	slices.Sort(names)
	return "known profiles: " + listNames(names)
}

// profileKeyKinds is the expected TOML type of each key of a profile, from
// rawProfile's tags.
var profileKeyKinds = func() map[string]reflect.Kind {
	m := map[string]reflect.Kind{}
	t := reflect.TypeFor[rawProfile]()
	for i := range t.NumField() {
		f := t.Field(i)
		m[f.Tag.Get("toml")] = f.Type.Elem().Kind()
	}
	return m
}()
