package client

import "sort"

// Dialect is one kind of backend: how to open one, and how the console speaks of it.
// main builds the table of them as a literal; nothing registers itself.
type Dialect interface {
	Name() string // "appwrite", as profiles write it
	Describe() Description
	// Open makes a signed-out backend; a bad endpoint or scope is an error to show.
	Open(cfg Config) (Backend, error)
}

// Config is what opening a backend needs.
type Config struct {
	Endpoint string
	Scope    string // what a profile names besides the endpoint: Appwrite's project
	Insecure bool   // plain http to a host that is not loopback
	HTTP     HTTPConfig
}

// Description is how the console speaks of a dialect.
type Description struct {
	Title string // "Appwrite"
	// EndpointExample is a placeholder for the endpoint field and flag help.
	EndpointExample string
	Scope           Field // the login form's field for Config.Scope; no label: the dialect has none
	// SignIn are the login form's fields after the endpoint and the scope (none: email and
	// password); see SignInFields.
	SignIn  []SignInField
	Subject Noun // whom the operator acts as: user/users
	// Actions are the actions menu: reads as the subject, paths relative to the endpoint.
	Actions []Action
	// ExamplePath is the request console's first path (a read as the subject), and
	// ExampleBody the placeholder of its body (a write's).
	ExamplePath string
	ExampleBody string
	// BasePath is the endpoint's own path ("/v1"): a path written from the server's root
	// loses it, since the endpoint already ends in it.
	BasePath string
	// AccessHelp is the denied screen's advice to an operator who may not act as anyone,
	// a line each; "{id}" stands for their id.
	AccessHelp []string
	// AsHelp is what `actas as --help` says of this dialect: examples and quirks, a line
	// each.
	AsHelp []string
	// SearchHint is the picker's search placeholder: what the backend's search matches.
	SearchHint string
	// TargetScope is what a subject's places are called when acting as them (Ironflow: an
	// environment), and DefaultScope where one acts unless told; no label: subjects have
	// no places.
	TargetScope  Field
	DefaultScope string
	// Targets says how `p` names a subject: an example for the prompt's placeholder, the
	// ways in a few words ("email, phone or id"), and as the hint for a bad one.
	Targets TargetWords
	// Confirm is what the operator may type to confirm a write as the subject.
	Confirm ConfirmWords
	// Facts are the lines the details screen shows of a subject, in order; none: a
	// user's (email, id, name, phone, status, role, labels, MFA, dates).
	Facts []FactLine
	// Columns are the picker's, in display order; none: a user's (name, email, phone,
	// status, labels, last access).
	Columns []Column
}

// ColumnField is what a picker column shows of a subject.
type ColumnField int

const (
	ColName       ColumnField = iota // the name (a blocked subject marked)
	ColEmail                         // Email
	ColPhone                         // Phone
	ColStatus                        // active or blocked
	ColLabels                        // Labels, joined
	ColLastAccess                    // LastAccess, relative
	ColID                            // ID
	ColCreated                       // Registered, as a date
	ColFact                          // Facts[Column.Fact]
)

// FactField is what a details line shows of a subject.
type FactField int

const (
	FactEmail       FactField = iota // Email, with whether it is verified
	FactID                           // ID
	FactName                         // Name, in quotes
	FactPhone                        // Phone, with whether it is verified
	FactStatus                       // active or BLOCKED
	FactRole                         // an operator (impersonator) or not
	FactLabels                       // Labels
	FactMFA                          // MFA on or off
	FactRegistered                   // Registered
	FactLastAccess                   // LastAccess
	FactPasswordSet                  // PasswordUpdated
	FactOf                           // Facts[FactLine.Key]
)

// FactLine is one "label  value" line of the details screen.
type FactLine struct {
	Label string
	Field FactField
	Key   string // the key of Subject.Facts, for FactOf
}

// Column is one column of the picker. Flexible columns (Min > 0) are always shown and
// share the spare width; fixed ones (Width > 0) are added as the width allows, lowest
// Priority first, and dropped in the reverse order.
type Column struct {
	Title    string
	Field    ColumnField
	Fact     string // the key of Subject.Facts, for ColFact
	Min      int
	Max      int // a flexible column grows no wider than this (0: no bound)
	Width    int
	Priority int
}

// Action is one entry of the actions menu.
type Action struct {
	Label, Method, Path string
}

// ConfirmField is a subject's field that, typed, confirms a write.
type ConfirmField int

const (
	ConfirmID    ConfirmField = iota // the id, exactly
	ConfirmEmail                     // the email, in any case
)

// ConfirmWords say what confirms a write: the fields, and how the dialogs name them.
type ConfirmWords struct {
	Fields []ConfirmField // none: the id or the email
	Words  string         // "email or id"
	Brief  string         // "email": what the actions menu's note asks for (none: Words)
}

// TargetWords are a dialect's words for naming a subject.
type TargetWords struct {
	Example string // "ada@example.com, +14155550100 or a user id"
	Ways    string // "email, phone or id"
	Hint    string // "an email, a +phone or a user id"
	Short   string // "email/phone": the picker's help for the key ("act as email/phone")
	// Parse reads what an operator typed to name a subject (nil: ParseTarget's id, email
	// or +phone); an error says in one line what is wrong with it.
	Parse func(typed string) (Target, error)
}

// ParseTarget reads a typed target the dialect's way.
func (d Description) ParseTarget(typed string) (Target, error) {
	if d.Targets.Parse != nil {
		return d.Targets.Parse(typed)
	}
	return ParseTarget(typed)
}

// Field is one input the console asks for.
type Field struct {
	Label       string // "Project"
	Placeholder string // "project id"
}

// Noun names the subjects of a dialect in the singular and the plural.
type Noun struct{ One, Many string }

// Dialects is main's table, by name.
type Dialects map[string]Dialect

// Names are the table's names, sorted.
func (d Dialects) Names() []string {
	names := make([]string, 0, len(d))
	for name := range d {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Has says whether the table holds name.
func (d Dialects) Has(name string) bool { _, ok := d[name]; return ok }
