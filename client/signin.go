package client

// Credential is what one sign-in field holds.
type Credential int

const (
	CredEmail    Credential = iota // the operator's email
	CredPassword                   // their password
	CredToken                      // an API token or key they paste
)

// SignInField is one of the login form's fields after the endpoint and the scope.
type SignInField struct {
	Label       string // "Email"
	Placeholder string // "you@example.com"
	Credential  Credential
	Optional    bool // the form may leave it empty (MPDX's email: the demo's password sign-in only)
}

// Secret says whether the form hides what is typed.
func (f SignInField) Secret() bool { return f.Credential != CredEmail }

// emailAndPassword is how an operator signs in unless the dialect says otherwise.
var emailAndPassword = []SignInField{
	{Label: "Email", Placeholder: "you@example.com", Credential: CredEmail},
	{Label: "Password", Credential: CredPassword},
}

// SignInFields are the dialect's sign-in fields, in order (none: email and password).
func (d Description) SignInFields() []SignInField {
	if len(d.SignIn) == 0 {
		return emailAndPassword
	}
	return d.SignIn
}

// Set puts one field's value into the credentials.
func (c *Credentials) Set(f Credential, value string) {
	switch f {
	case CredEmail:
		c.Email = value
	case CredPassword:
		c.Password = value
	case CredToken:
		c.Token = value
	}
}
