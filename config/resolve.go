package config

import (
	"errors"
	"fmt"
	"strings"
)

// Where a setting's value came from, in Settings.Sources.
const (
	sourceFlag    = "flag"
	sourceEnv     = "env"
	sourceProfile = "profile" // the configuration file (for "profile": its default_profile)
	sourceDefault = "default" // built in (for "profile": none chosen)
)

// Environment variables read by Resolve.
const (
	envProfile  = "ACTAS_PROFILE"
	envDialect  = "ACTAS_DIALECT"
	envEndpoint = "ACTAS_ENDPOINT"
	envProject  = "ACTAS_PROJECT"
	envEmail    = "ACTAS_EMAIL"
	envReadOnly = "ACTAS_READ_ONLY"
	envInsecure = "ACTAS_INSECURE"
)

// Settings are the effective settings the console and the CLI use.
type Settings struct {
	Profile Profile // the chosen profile's values after precedence is applied (Name "" when none)
	// Sources says, for each field name ("endpoint", "project", "email",
	// "read_only", "require_reason", "idle_timeout", "max_duration",
	// "allow_impersonating_operators", "insecure", "dialect", "profile"), where its value
	// came from: "flag", "env", "profile", "default". For "profile" itself,
	// "profile" means the file's default_profile and "default" means none.
	Sources map[string]string
}

// Overrides are what flags and environment say; a nil pointer / empty string means "not given".
type Overrides struct {
	Profile, Dialect, Endpoint, Project, Email string
	ReadOnly                                   *bool
	Insecure                                   *bool // --insecure
}

// Resolve picks the profile (flag Profile > env ACTAS_PROFILE > file
// DefaultProfile > none) and applies flag > env > profile > default for each
// setting. The environment is read through getenv (pass os.Getenv; nil reads
// none): ACTAS_PROFILE, ACTAS_DIALECT, ACTAS_ENDPOINT, ACTAS_PROJECT, ACTAS_EMAIL, and
// ACTAS_READ_ONLY ("1", "true", "yes" → true; "0", "false", "no" → false, in
// any case; anything else is an error). An empty variable is not given.
//
// A profile asked for by flag or environment that is not defined is an error
// listing the known profiles.
//
// insecure (ACTAS_INSECURE, read like ACTAS_READ_ONLY) follows the usual
// precedence. The effective endpoint, wherever it came from, must pass
// client.CheckEndpoint with the effective insecure: an http(s) URL with a
// host and no user:password@, and plain http only to a loopback host unless
// insecure. A refused endpoint is an error naming where it came from
// (--endpoint, ACTAS_ENDPOINT, or the file, its line and key).
//
// read_only can only be made stricter: it is true when the flag, the
// environment or the profile says true, so --read-only=false (or
// ACTAS_READ_ONLY=0) does not lift a profile's read_only = true. Its source is
// then the first of flag, env, profile that says true.
//
// Defaults: dialect "appwrite", idle timeout 15m, max duration 60m, others
// zero. f may be nil (no file).
func Resolve(f *File, o Overrides, getenv func(string) string) (Settings, error) {
	if f == nil {
		f = &File{}
	}
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	s := Settings{
		Profile: Profile{Dialect: defaultDialect, IdleTimeout: defaultIdleTimeout, MaxDuration: defaultMaxDuration},
		Sources: map[string]string{
			"profile": sourceDefault, "dialect": sourceDefault,
			"endpoint": sourceDefault, "project": sourceDefault, "email": sourceDefault,
			"read_only": sourceDefault, "require_reason": sourceDefault,
			"idle_timeout": sourceDefault, "max_duration": sourceDefault,
			"allow_impersonating_operators": sourceDefault, "insecure": sourceDefault,
		},
	}

	// The environment's booleans are checked first: a bad value is an error
	// whatever else is given.
	envReadOnly, err := parseBool(envReadOnly, getenv(envReadOnly))
	if err != nil {
		return Settings{}, err
	}
	envInsecure, err := parseBool(envInsecure, getenv(envInsecure))
	if err != nil {
		return Settings{}, err
	}

	// The profile.
	name, from := "", ""
	switch {
	case o.Profile != "":
		name, from, s.Sources["profile"] = o.Profile, "--profile", sourceFlag
	case getenv(envProfile) != "":
		name, from, s.Sources["profile"] = getenv(envProfile), envProfile, sourceEnv
	case f.DefaultProfile != "":
		name, from, s.Sources["profile"] = f.DefaultProfile, "default_profile", sourceProfile
	}
	if name != "" {
		p, ok := f.Profiles[name]
		if !ok {
			where := ""
			if f.Path != "" {
				where = " in " + f.Path
			}
			return Settings{}, errorf("profile %s (from %s) is not defined%s (%s)", quoteValue(name), from, where, knownProfiles(f))
		}
		for _, field := range []string{"dialect", "endpoint", "project", "email", "read_only", "require_reason", "idle_timeout", "max_duration", "allow_impersonating_operators", "insecure"} {
			if f.written(name, p, field) {
				s.Sources[field] = sourceProfile
			}
		}
		if p.Name == "" {
			p.Name = name
		}
		if p.Dialect == "" {
			p.Dialect = defaultDialect
		}
		if p.Label == "" {
			p.Label = strings.ToUpper(name)
		}
		s.Profile = p
	}

	// Strings: flag > env > profile > default.
	for _, v := range []struct {
		field, flag, env string
		dst              *string
	}{
		{"dialect", o.Dialect, envDialect, &s.Profile.Dialect},
		{"endpoint", o.Endpoint, envEndpoint, &s.Profile.Endpoint},
		{"project", o.Project, envProject, &s.Profile.Project},
		{"email", o.Email, envEmail, &s.Profile.Email},
	} {
		switch e := getenv(v.env); {
		case v.flag != "":
			*v.dst, s.Sources[v.field] = v.flag, sourceFlag
		case e != "":
			*v.dst, s.Sources[v.field] = e, sourceEnv
		}
	}

	// Insecure: flag > env > profile > default.
	switch {
	case o.Insecure != nil:
		s.Profile.Insecure, s.Sources["insecure"] = *o.Insecure, sourceFlag
	case envInsecure != nil:
		s.Profile.Insecure, s.Sources["insecure"] = *envInsecure, sourceEnv
	}
	if err := f.checkEndpoint(s); err != nil {
		return Settings{}, err
	}

	// Read-only: only ever stricter. The source is the first in precedence
	// that says true; when none does, the first that says anything.
	profileSays := s.Sources["read_only"] == sourceProfile
	switch {
	case o.ReadOnly != nil && *o.ReadOnly:
		s.Profile.ReadOnly, s.Sources["read_only"] = true, sourceFlag
	case envReadOnly != nil && *envReadOnly:
		s.Profile.ReadOnly, s.Sources["read_only"] = true, sourceEnv
	case profileSays && s.Profile.ReadOnly:
		// stays the profile's
	case o.ReadOnly != nil:
		s.Profile.ReadOnly, s.Sources["read_only"] = false, sourceFlag
	case envReadOnly != nil:
		s.Profile.ReadOnly, s.Sources["read_only"] = false, sourceEnv
	}
	return s, nil
}

// written says whether the file wrote field in profile name. For a File not
// made by Load, every field counts as written except an empty string and false.
func (f *File) written(name string, p Profile, field string) bool {
	if f.given != nil {
		_, ok := f.given[name][field]
		return ok
	}
	switch field {
	case "dialect":
		return p.Dialect != ""
	case "endpoint":
		return p.Endpoint != ""
	case "project":
		return p.Project != ""
	case "email":
		return p.Email != ""
	case "read_only":
		return p.ReadOnly
	case "require_reason":
		return p.RequireReason
	case "allow_impersonating_operators":
		return p.AllowImpersonatingOperators
	case "insecure":
		return p.Insecure
	}
	return true // durations: 0 is "no limit", not "not written"
}

// checkEndpoint refuses the effective endpoint by client.CheckEndpoint's rule,
// once the effective insecure is known, naming where the endpoint came from.
func (f *File) checkEndpoint(s Settings) error {
	p := s.Profile
	if p.Endpoint == "" {
		return nil
	}
	msg := endpointProblem(p.Endpoint, p.Insecure)
	switch {
	case msg == "":
		return nil
	case s.Sources["endpoint"] == sourceFlag:
		return errorf("--endpoint: %s", msg)
	case s.Sources["endpoint"] == sourceEnv:
		return errorf("%s: %s", envEndpoint, msg)
	}
	key := keyString([]string{"profiles", p.Name, "endpoint"})
	if f.Path == "" {
		return errorf("%s: %s", key, msg)
	}
	return &fileError{path: f.Path, line: f.given[p.Name]["endpoint"], key: key, msg: msg}
}

// parseBool reads a boolean environment variable; "" is not given (nil).
func parseBool(name, v string) (*bool, error) {
	var b bool
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "":
		return nil, nil
	case "1", "true", "yes":
		b = true
	case "0", "false", "no":
		b = false
	default:
		return nil, errorf("%s: %s is not a boolean (use 1, true, yes, 0, false or no)", name, quoteValue(v))
	}
	return &b, nil
}

// errorf is fmt.Errorf kept to one line.
func errorf(format string, args ...any) error {
	return errors.New(oneLine(fmt.Sprintf(format, args...)))
}
