// Package config reads actas's named profiles and resolves the effective
// settings of a run.
//
// # The file
//
// Profiles live in $XDG_CONFIG_HOME/actas/config.toml (by default
// ~/.config/actas/config.toml; see [DefaultPath]). A missing file is not an
// error: there are simply no profiles. A complete example:
//
//	default_profile = "staging"        # optional: used when neither --profile nor ACTAS_PROFILE is given
//
//	[profiles.production]
//	dialect = "appwrite"               # only "appwrite" is implemented so far
//	endpoint = "https://appwrite.example.com/v1"
//	project = "prod-project"
//	email = "me@example.com"           # the operator's email (optional)
//	label = "PRODUCTION"               # shown in the header; default: the profile name upper-cased
//	color = "red"                      # header colour: a name or #RRGGBB; default: none
//	read_only = true                   # impersonation can never be elevated to write
//	require_reason = true              # a reason (ticket id or text) is required before impersonating
//	idle_timeout = "15m"               # Go duration; "0" disables; default 15m
//	max_duration = "60m"               # absolute limit; "0" disables; default 60m
//	allow_impersonating_operators = false   # may act as another impersonator (operator) account
//	insecure = false                   # allow plain http to a host that is not loopback
//
//	[profiles.staging]                 # every key is optional
//	endpoint = "https://staging.example.com/v1"
//	project = "staging-project"
//	color = "#00aa55"
//	idle_timeout = "0"
//	max_duration = "2h"
//
// Every key of a profile is optional:
//
//   - dialect: the backend's kind. Only "appwrite" (the default) is
//     implemented; "ironflow" and "mpdx" are recognised but rejected
//     ("dialect ironflow is not supported yet").
//   - endpoint: the backend's http(s) URL, with a host and without a
//     user:password@ (sign in with your own email and password instead).
//     Plain http is only for a loopback host (localhost, 127.0.0.0/8, ::1)
//     unless insecure allows it; that is checked when the profile is used,
//     since --insecure or ACTAS_INSECURE may allow it too. The rule is
//     actas/client.CheckEndpoint's.
//   - project: the backend's project id.
//   - email: the operator's email.
//   - label: shown in the header; default: the profile's name upper-cased.
//   - color: the header's colour: red, orange, yellow, green, blue, magenta,
//     cyan, gray (or grey), in any case, or #RRGGBB; default: none. Names are
//     normalised to the CSS colour of that name, so [Profile].Color is always
//     "" or "#RRGGBB" (upper-case hex).
//   - read_only: impersonation can never be elevated to write.
//   - require_reason: a reason (ticket id or text) is required before
//     impersonating.
//   - idle_timeout: a Go duration ("15m", "1h30m"); "0" disables it;
//     default 15m.
//   - max_duration: the absolute limit of an impersonation, a Go duration;
//     "0" disables it; default 60m. When both limits are on, idle_timeout
//     (written or default) may not be longer than max_duration.
//   - allow_impersonating_operators: may act as another impersonator
//     (operator) account; default false.
//   - insecure: allow plain http to an endpoint that is not loopback (the
//     session then travels in clear text, and the console says INSECURE in
//     its header); default false.
//
// Profile names must not be empty. Any other key, a value of the wrong type,
// a bad duration, colour, dialect or endpoint, or a default_profile naming no
// profile makes [Load] fail with one line naming the file, the line and the
// key, for example:
//
//	config /home/me/.config/actas/config.toml:12: profiles.production.idle_timeout: "15x" is not a duration (e.g. 15m, 1h)
//
// A value echoed in an error is cut after 60 cells, with the rest counted
// ("… (99940 more characters)"), and an endpoint's user:password@ is shown as
// …@. A leading UTF-8 byte order mark is ignored.
//
// A caller should refuse to start on such an error: [Load] never returns a
// partly read file.
//
// # Precedence
//
// [Resolve] picks the profile from --profile, else ACTAS_PROFILE, else the
// file's default_profile, else none; asking by flag or environment for a
// profile that is not defined is an error listing the known ones. Then each
// setting comes from the first of: flag, environment (ACTAS_ENDPOINT,
// ACTAS_PROJECT, ACTAS_EMAIL, ACTAS_READ_ONLY, ACTAS_INSECURE), the chosen profile, the
// built-in default (dialect "appwrite", idle_timeout 15m, max_duration 60m,
// everything else empty or false).
//
// read_only is the exception: it can only be made stricter. It is on when any
// of the flag, ACTAS_READ_ONLY or the profile says so; --read-only=false or
// ACTAS_READ_ONLY=0 never lifts a profile's read_only = true (nor does the
// flag set to false lift ACTAS_READ_ONLY=1).
package config
