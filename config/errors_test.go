package config

import (
	"strings"
	"testing"
)

// errorCases are bad files, one concern each, and the exact error, with
// PATH standing for the file's path. The line number is part of the text.
var errorCases = []struct {
	name, doc, want string
}{
	// Syntax.
	{"syntax: unquoted string", "[profiles.a]\nproject = \"p\"\nidle_timeout = 15m\n",
		`config PATH:3: profiles.a.idle_timeout: invalid TOML: strings must be quoted`},
	{"syntax: unclosed table", "default_profile = \"a\"\n\n[profiles.a\n",
		`config PATH:3: invalid TOML: expected ']' to close table name`},
	{"syntax: key written twice", "[profiles.a]\nread_only = true\nproject = \"p\"\nread_only = false\n",
		`config PATH:4: profiles.a.read_only: written twice (first on line 2)`},
	{"syntax: table written twice", "[profiles.a]\nread_only = true\n\n[profiles.a]\n",
		`config PATH:4: profiles.a: written twice (first on line 1)`},

	// Unknown keys.
	{"unknown key in a profile", "[profiles.a]\nendpoint = \"https://x.example\"\ncolour = \"red\"\n",
		`config PATH:3: profiles.a.colour: unknown key`},
	{"unknown top-level key", "default_profile = \"a\"\ntheme = \"dark\"\n[profiles.a]\n",
		`config PATH:2: theme: unknown key`},
	{"unknown top-level table", "\n[profile.a]\nendpoint = \"https://x.example\"\n",
		`config PATH:2: profile: unknown key`},
	{"table inside a profile", "[profiles.a]\n[profiles.a.extra]\n",
		`config PATH:2: profiles.a.extra: unknown key`},
	{"unknown key in an inline table", "[profiles]\na = { project = \"p\", zzz = 1 }\n",
		`config PATH:2: profiles.a.zzz: unknown key`},
	{"key in another case", "[profiles.a]\nproject = \"p\"\nColor = \"red\"\n",
		`config PATH:3: profiles.a.Color: unknown key (did you mean color?)`},
	{"table in another case", "[Profiles.a]\nproject = \"p\"\n",
		`config PATH:1: Profiles: unknown key (did you mean profiles?)`},
	{"first of several unknown keys", "[profiles.b]\nproject = \"p\"\nyyy = 1\n[profiles.a]\nzzz = 1\n",
		`config PATH:3: profiles.b.yyy: unknown key`},

	// Types.
	{"bool given a string", "[profiles.a]\nread_only = \"yes\"\n",
		`config PATH:2: profiles.a.read_only: expected true or false, got a string`},
	{"duration given an integer", "[profiles.a]\n\nidle_timeout = 0\n",
		`config PATH:3: profiles.a.idle_timeout: expected a duration in quotes (e.g. "15m", "1h", "0"), got an integer`},
	{"string given a bool", "[profiles.a]\nendpoint = true\n",
		`config PATH:2: profiles.a.endpoint: expected a string in quotes, got a boolean`},
	{"default_profile given an integer", "\ndefault_profile = 1\n",
		`config PATH:2: default_profile: expected a string in quotes, got an integer`},
	{"profile that is not a table", "[profiles]\nok = {}\na = \"x\"\n",
		`config PATH:3: profiles.a: expected a table, got a string`},
	{"profile that is an array of tables", "[[profiles.a]]\nread_only = true\n",
		`config PATH:1: profiles.a: expected a table, got an array of tables`},
	{"wrong type in a dotted key", "profiles.a.require_reason = 1\n",
		`config PATH:1: profiles.a.require_reason: expected true or false, got an integer`},
	{"wrong type in an inline table", "[profiles]\na = { read_only = 2024-01-01 }\n",
		`config PATH:2: profiles.a.read_only: expected true or false, got a date or time`},

	// Durations.
	{"idle_timeout not a duration", "[profiles.production]\nidle_timeout = \"15x\"\n",
		`config PATH:2: profiles.production.idle_timeout: "15x" is not a duration (e.g. 15m, 1h)`},
	{"max_duration not a duration", "[profiles.a]\nidle_timeout = \"1m\"\nmax_duration = \"\"\n",
		`config PATH:3: profiles.a.max_duration: "" is not a duration (e.g. 15m, 1h)`},
	{"negative duration", "[profiles.a]\nmax_duration = \"-1h\"\n",
		`config PATH:2: profiles.a.max_duration: "-1h" is negative (use "0" for no limit)`},
	{"idle_timeout longer than max_duration", "[profiles.a]\nmax_duration = \"1h\"\nidle_timeout = \"90m\"\n",
		`config PATH:3: profiles.a.idle_timeout: 1h30m is longer than max_duration 1h`},
	{"default idle_timeout longer than max_duration", "[profiles.a]\nmax_duration = \"10m\"\n",
		`config PATH:2: profiles.a.max_duration: 10m is shorter than the default idle_timeout 15m (set idle_timeout too)`},

	// Values.
	{"unknown color", "[profiles.a]\ncolor = \"pink\"\n",
		`config PATH:2: profiles.a.color: unknown color "pink" (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`},
	{"bad hex color", "[profiles.a]\ncolor = \"#12345G\"\n",
		`config PATH:2: profiles.a.color: unknown color "#12345G" (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`},
	{"short hex color", "[profiles.a]\ncolor = \"#FFF\"\n",
		`config PATH:2: profiles.a.color: unknown color "#FFF" (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`},
	{"dialect ironflow", "[profiles.a]\ndialect = \"ironflow\"\n",
		`config PATH:2: profiles.a.dialect: dialect ironflow is not supported yet`},
	{"dialect mpdx", "[profiles.a]\ndialect = \"mpdx\"\n",
		`config PATH:2: profiles.a.dialect: dialect mpdx is not supported yet`},
	{"unknown dialect", "[profiles.a]\ndialect = \"firebase\"\n",
		`config PATH:2: profiles.a.dialect: unknown dialect "firebase" (supported: appwrite)`},
	{"endpoint without scheme", "[profiles.a]\nendpoint = \"appwrite.example.com\"\n",
		`config PATH:2: profiles.a.endpoint: "appwrite.example.com" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint not http", "[profiles.a]\nendpoint = \"ftp://files.example.com\"\n",
		`config PATH:2: profiles.a.endpoint: "ftp://files.example.com" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint without host", "[profiles.a]\nendpoint = \"https:///v1\"\n",
		`config PATH:2: profiles.a.endpoint: "https:///v1" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint with a newline", "[profiles.a]\nendpoint = '''\nhttps://x.example\n'''\n",
		`config PATH:2: profiles.a.endpoint: "https://x.example\n" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"endpoint with a password", "[profiles.a]\nproject = \"p\"\nendpoint = \"https://me:secret@appwrite.example.com/v1\"\n",
		`config PATH:3: profiles.a.endpoint: "https://…@appwrite.example.com/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint with a user name", "[profiles.a]\nendpoint = \"http://me@localhost:9080/v1\"\n",
		`config PATH:2: profiles.a.endpoint: "http://…@localhost:9080/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint with a password, insecure or not", "[profiles.a]\ninsecure = true\nendpoint = \"http://me:secret@lab.example.com/v1\"\n",
		`config PATH:3: profiles.a.endpoint: "http://…@lab.example.com/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`},
	{"endpoint with a password that does not parse", "[profiles.a]\nendpoint = \"https://me:se#cret@appwrite.example.com\"\n",
		`config PATH:2: profiles.a.endpoint: "https://…@appwrite.example.com" is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)`},
	{"insecure given a string", "[profiles.a]\ninsecure = \"yes\"\n",
		`config PATH:2: profiles.a.insecure: expected true or false, got a string`},
	{"default_profile not defined", "default_profile = \"prod\"\n[profiles.production]\n[profiles.staging]\n",
		`config PATH:1: default_profile: profile "prod" is not defined (known profiles: production, staging)`},
	{"default_profile without profiles", "default_profile = \"prod\"\n",
		`config PATH:1: default_profile: profile "prod" is not defined (no profiles are defined)`},
	{"empty profile name", "[profiles.a]\n\n[profiles.\"\"]\nread_only = true\n",
		`config PATH:3: profiles."": a profile name must not be empty`},
	{"blank profile name in a dotted key", "[profiles]\n\" \".read_only = true\n",
		`config PATH:2: profiles." ": a profile name must not be empty`},
	{"quoted profile name shown quoted", "[profiles.\"my profile\"]\ncolor = \"pink\"\n",
		`config PATH:2: profiles."my profile".color: unknown color "pink" (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`},
	{"first error in the file wins", "[profiles.b]\ndialect = \"mpdx\"\n[profiles.a]\nendpoint = \"x\"\n[profiles.c]\ncolor = \"x\"\n",
		`config PATH:2: profiles.b.dialect: dialect mpdx is not supported yet`},
	{"first error within a profile wins", "[profiles.a]\ncolor = \"x\"\ndialect = \"x\"\n",
		`config PATH:2: profiles.a.color: unknown color "x" (use red, orange, yellow, green, blue, magenta, cyan, gray or #RRGGBB)`},
}

func TestLoadErrors(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			path := writeConfig(t, c.doc)
			f, err := Load(path)
			if err == nil {
				t.Fatalf("Load = %+v, nil; want an error", f)
			}
			if f != nil {
				t.Errorf("Load returned a File with its error: %+v", f)
			}
			if want := strings.ReplaceAll(c.want, "PATH", path); err.Error() != want {
				t.Errorf("error\n got %s\nwant %s", err, want)
			}
		})
	}
}

// The error cases above must not depend on the map order of profiles.
func TestLoadErrorsAreStable(t *testing.T) {
	doc := "[profiles.b]\ncolor = \"x\"\n[profiles.a]\ncolor = \"y\"\n[profiles.c]\ncolor = \"z\"\n[profiles.d]\ncolor = \"w\"\n"
	path := writeConfig(t, doc)
	first := ""
	for range 20 {
		_, err := Load(path)
		if err == nil {
			t.Fatal("no error")
		}
		if first == "" {
			first = err.Error()
		}
		if err.Error() != first || !strings.Contains(first, ":2: profiles.b.color:") {
			t.Fatalf("errors vary or are not the first in the file: %q, %q", first, err)
		}
	}
}
