package config

import (
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"
)

const precedenceDoc = `default_profile = "staging"

[profiles.production]
dialect = "appwrite"
endpoint = "https://prod.example.com/v1"
project = "prod"
email = "prod@example.com"
color = "red"
read_only = true
require_reason = true
idle_timeout = "5m"
max_duration = "30m"
allow_impersonating_operators = true

[profiles.staging]
endpoint = "https://staging.example.com/v1"

[profiles.lab]
read_only = false
idle_timeout = "0"
max_duration = "0"
`

var (
	production = Profile{
		Name: "production", Dialect: "appwrite", Endpoint: "https://prod.example.com/v1", Project: "prod",
		Email: "prod@example.com", Label: "PRODUCTION", Color: "#FF0000", ReadOnly: true, RequireReason: true,
		AllowImpersonatingOperators: true, IdleTimeout: 5 * time.Minute, MaxDuration: 30 * time.Minute,
	}
	staging = Profile{
		Name: "staging", Dialect: "appwrite", Endpoint: "https://staging.example.com/v1", Label: "STAGING",
		IdleTimeout: 15 * time.Minute, MaxDuration: 60 * time.Minute,
	}
	lab     = Profile{Name: "lab", Dialect: "appwrite", Label: "LAB"}
	noneSet = Profile{Dialect: "appwrite", IdleTimeout: 15 * time.Minute, MaxDuration: 60 * time.Minute}
)

// sources is every field from "default" but those named, "field=source".
func sources(set ...string) map[string]string {
	m := map[string]string{}
	for _, f := range []string{"profile", "dialect", "endpoint", "project", "email", "read_only",
		"require_reason", "idle_timeout", "max_duration", "allow_impersonating_operators", "insecure"} {
		m[f] = "default"
	}
	for _, s := range set {
		field, source, _ := strings.Cut(s, "=")
		if _, ok := m[field]; !ok {
			panic("no field " + field)
		}
		m[field] = source
	}
	return m
}

var allFromProduction = []string{"dialect=profile", "endpoint=profile", "project=profile", "email=profile",
	"read_only=profile", "require_reason=profile", "idle_timeout=profile", "max_duration=profile",
	"allow_impersonating_operators=profile"}

func with(p Profile, change func(*Profile)) Profile {
	change(&p)
	return p
}

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

func TestResolvePrecedence(t *testing.T) {
	loaded, err := Load(writeConfig(t, precedenceDoc))
	if err != nil {
		t.Fatal(err)
	}
	noDefault := *loaded
	noDefault.DefaultProfile = ""

	cases := []struct {
		name        string
		file        *File
		o           Overrides
		env         map[string]string
		want        Profile
		wantSources map[string]string
	}{
		// Which profile.
		{name: "no file: all defaults", file: nil, want: noneSet, wantSources: sources()},
		{name: "no profile chosen", file: &noDefault, want: noneSet, wantSources: sources()},
		{name: "profile: file default_profile", file: loaded, want: staging,
			wantSources: sources("profile=profile", "endpoint=profile")},
		{name: "profile: env beats default_profile", file: loaded, env: map[string]string{"ACTAS_PROFILE": "production"},
			want: production, wantSources: sources(append(allFromProduction, "profile=env")...)},
		{name: "profile: flag beats env", file: loaded, o: Overrides{Profile: "lab"}, env: map[string]string{"ACTAS_PROFILE": "production"},
			want: lab, wantSources: sources("profile=flag", "read_only=profile", "idle_timeout=profile", "max_duration=profile")},

		// Strings: flag > env > profile > default.
		{name: "strings: env beats profile", file: loaded,
			o:   Overrides{Profile: "production"},
			env: map[string]string{"ACTAS_ENDPOINT": "https://env.example.com", "ACTAS_PROJECT": "envp", "ACTAS_EMAIL": "env@example.com"},
			want: with(production, func(p *Profile) {
				p.Endpoint, p.Project, p.Email = "https://env.example.com", "envp", "env@example.com"
			}),
			wantSources: sources(append(allFromProduction, "profile=flag", "endpoint=env", "project=env", "email=env")...)},
		{name: "strings: flag beats env", file: loaded,
			o:   Overrides{Profile: "production", Endpoint: "http://127.0.0.1:8080/v1", Project: "flagp", Email: "flag@example.com"},
			env: map[string]string{"ACTAS_ENDPOINT": "https://env.example.com", "ACTAS_PROJECT": "envp", "ACTAS_EMAIL": "env@example.com"},
			want: with(production, func(p *Profile) {
				p.Endpoint, p.Project, p.Email = "http://127.0.0.1:8080/v1", "flagp", "flag@example.com"
			}),
			wantSources: sources(append(allFromProduction, "profile=flag", "endpoint=flag", "project=flag", "email=flag")...)},
		{name: "strings: env without profile", file: &noDefault,
			env: map[string]string{"ACTAS_ENDPOINT": "https://env.example.com", "ACTAS_PROJECT": "envp", "ACTAS_EMAIL": "env@example.com"},
			want: with(noneSet, func(p *Profile) {
				p.Endpoint, p.Project, p.Email = "https://env.example.com", "envp", "env@example.com"
			}),
			wantSources: sources("endpoint=env", "project=env", "email=env")},
		{name: "strings: flag without profile", file: nil,
			o: Overrides{Endpoint: "https://flag.example.com", Project: "flagp", Email: "flag@example.com"},
			want: with(noneSet, func(p *Profile) {
				p.Endpoint, p.Project, p.Email = "https://flag.example.com", "flagp", "flag@example.com"
			}),
			wantSources: sources("endpoint=flag", "project=flag", "email=flag")},

		// read_only: only ever stricter.
		{name: "read_only: flag true over profile without it", file: loaded, o: Overrides{ReadOnly: yes()},
			want: with(staging, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("profile=profile", "endpoint=profile", "read_only=flag")},
		{name: "read_only: env true over profile without it", file: loaded, env: map[string]string{"ACTAS_READ_ONLY": "1"},
			want: with(staging, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("profile=profile", "endpoint=profile", "read_only=env")},
		{name: "read_only: flag true over profile false", file: loaded, o: Overrides{Profile: "lab", ReadOnly: yes()},
			want: with(lab, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("profile=flag", "read_only=flag", "idle_timeout=profile", "max_duration=profile")},
		{name: "read_only: flag false does not lift profile true", file: loaded, o: Overrides{Profile: "production", ReadOnly: no()},
			want: production, wantSources: sources(append(allFromProduction, "profile=flag")...)},
		{name: "read_only: env false does not lift profile true", file: loaded, o: Overrides{Profile: "production"}, env: map[string]string{"ACTAS_READ_ONLY": "false"},
			want: production, wantSources: sources(append(allFromProduction, "profile=flag")...)},
		{name: "read_only: flag false does not lift env true", file: loaded, o: Overrides{ReadOnly: no()}, env: map[string]string{"ACTAS_READ_ONLY": "yes"},
			want: with(staging, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("profile=profile", "endpoint=profile", "read_only=env")},
		{name: "read_only: flag true beats env false", file: loaded, o: Overrides{ReadOnly: yes()}, env: map[string]string{"ACTAS_READ_ONLY": "no"},
			want: with(staging, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("profile=profile", "endpoint=profile", "read_only=flag")},
		{name: "read_only: flag false alone", file: loaded, o: Overrides{ReadOnly: no()},
			want: staging, wantSources: sources("profile=profile", "endpoint=profile", "read_only=flag")},
		{name: "read_only: env false alone", file: loaded, env: map[string]string{"ACTAS_READ_ONLY": "0"},
			want: staging, wantSources: sources("profile=profile", "endpoint=profile", "read_only=env")},
		{name: "read_only: flag false over profile false", file: loaded, o: Overrides{Profile: "lab", ReadOnly: no()},
			want: lab, wantSources: sources("profile=flag", "read_only=flag", "idle_timeout=profile", "max_duration=profile")},
		{name: "read_only: env in any case", file: &noDefault, env: map[string]string{"ACTAS_READ_ONLY": " TRUE "},
			want: with(noneSet, func(p *Profile) { p.ReadOnly = true }), wantSources: sources("read_only=env")},

		// A File not made by Load: written means non-empty, true, or a duration.
		{name: "hand-made file", file: &File{Profiles: map[string]Profile{"x": {Project: "p", ReadOnly: true}}}, o: Overrides{Profile: "x"},
			want:        Profile{Name: "x", Dialect: "appwrite", Project: "p", Label: "X", ReadOnly: true},
			wantSources: sources("profile=flag", "project=profile", "read_only=profile", "idle_timeout=profile", "max_duration=profile")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Resolve(c.file, c.o, func(k string) string { return c.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if s.Profile != c.want {
				t.Errorf("Profile =\n %+v\nwant\n %+v", s.Profile, c.want)
			}
			if !maps.Equal(s.Sources, c.wantSources) {
				t.Errorf("Sources =\n %v\nwant\n %v", s.Sources, c.wantSources)
			}
		})
	}
}

// Resolve must not change the File it is given.
func TestResolveLeavesFileAlone(t *testing.T) {
	f, err := Load(writeConfig(t, precedenceDoc))
	if err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(f.Profiles)
	if _, err := Resolve(f, Overrides{Profile: "lab", Endpoint: "https://x.example.com", ReadOnly: yes()}, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Profiles, before) {
		t.Errorf("Resolve changed the file's profiles: %+v", f.Profiles)
	}
}

// resolveErrorCases are the errors of Resolve, exactly; PATH is the file's path.
var resolveErrorCases = []struct {
	name string
	doc  string // "" = no file
	o    Overrides
	env  map[string]string
	want string
}{
	{"unknown profile from flag", precedenceDoc, Overrides{Profile: "prod"}, nil,
		`profile "prod" (from --profile) is not defined in PATH (known profiles: lab, production, staging)`},
	{"unknown profile from env", precedenceDoc, Overrides{}, map[string]string{"ACTAS_PROFILE": "Production"},
		`profile "Production" (from ACTAS_PROFILE) is not defined in PATH (known profiles: lab, production, staging)`},
	{"profile asked for with no file", "", Overrides{Profile: "production"}, nil,
		`profile "production" (from --profile) is not defined in PATH (no profiles are defined)`},
	{"read-only env not a boolean", precedenceDoc, Overrides{}, map[string]string{"ACTAS_READ_ONLY": "maybe"},
		`ACTAS_READ_ONLY: "maybe" is not a boolean (use 1, true, yes, 0, false or no)`},
	{"read-only env not a boolean, even with the flag", precedenceDoc, Overrides{ReadOnly: yes()}, map[string]string{"ACTAS_READ_ONLY": "on"},
		`ACTAS_READ_ONLY: "on" is not a boolean (use 1, true, yes, 0, false or no)`},
	{"endpoint env not a URL", precedenceDoc, Overrides{}, map[string]string{"ACTAS_ENDPOINT": "appwrite.example.com"},
		`ACTAS_ENDPOINT: "appwrite.example.com" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint flag not a URL", precedenceDoc, Overrides{Endpoint: "localhost:8080"}, nil,
		`--endpoint: "localhost:8080" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint flag with a password", "", Overrides{Endpoint: "http://me:secret@127.0.0.1:1/v1"}, nil,
		`--endpoint: "http://…@127.0.0.1:1/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint env with a password", "", Overrides{}, map[string]string{"ACTAS_ENDPOINT": "https://me:secret@appwrite.example.com/v1"},
		`ACTAS_ENDPOINT: "https://…@appwrite.example.com/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint env with a password, with insecure", "", Overrides{Insecure: yes()}, map[string]string{"ACTAS_ENDPOINT": "http://me:secret@lab.example.com/v1"},
		`ACTAS_ENDPOINT: "http://…@lab.example.com/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint env with a newline", "", Overrides{}, map[string]string{"ACTAS_ENDPOINT": "https://x.example\nhttps://y.example"},
		`ACTAS_ENDPOINT: "https://x.example\nhttps://y.example" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
}

func TestResolveErrors(t *testing.T) {
	for _, c := range resolveErrorCases {
		t.Run(c.name, func(t *testing.T) {
			path, f := resolveErrorFile(t, c.doc)
			s, err := Resolve(f, c.o, func(k string) string { return c.env[k] })
			if err == nil {
				t.Fatalf("Resolve = %+v, nil; want an error", s)
			}
			if want := strings.ReplaceAll(c.want, "PATH", path); err.Error() != want {
				t.Errorf("error\n got %s\nwant %s", err, want)
			}
		})
	}
}

func resolveErrorFile(t *testing.T, doc string) (string, *File) {
	t.Helper()
	path := writeConfig(t, doc)
	if doc == "" {
		path += ".missing"
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, f
}

// A hand-made File may name a default profile it lacks.
func TestResolveUndefinedDefaultProfile(t *testing.T) {
	_, err := Resolve(&File{DefaultProfile: "x"}, Overrides{}, nil)
	want := `profile "x" (from default_profile) is not defined (no profiles are defined)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v; want %s", err, want)
	}
}
