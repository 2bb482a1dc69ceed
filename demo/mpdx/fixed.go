package mpdx

import "strings"

// Demo-only operator accounts, printed by `actas demo`. MPDX itself has no email/password
// sign-in: these exist only for the demo's variant of POST /api/v2/user/authenticate.
const (
	OrgAdminEmail    = "orgadmin@mpdx.example"
	OrgAdminPassword = "orgadmin-demo"
	OrgAdminUserID   = "1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

	// The member is an MPDX user who administers no organization: the impersonation
	// route and the member search answer it 403. Its one account list is in
	// ElsewhereOrgID, so nobody in the demo can impersonate it.
	MemberEmail    = "member@mpdx.example"
	MemberPassword = "member-demo"
	MemberUserID   = "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
)

// DefaultOperatorToken is the operator API token a person can paste into the console's
// token field: it acts as OrgAdminEmail and never expires. It is opaque (the demo's
// choice); Options.OperatorToken replaces it.
const DefaultOperatorToken = "mpdx-demo-orgadmin-api-token"

// The organizations. Only CruDemoID has an admin (OrgAdminEmail); nobody in the demo is a
// site admin, so POST /api/v2/admin/impersonation answers everyone 403.
const (
	CruDemoID        = "0b8e1d3a-6f5e-4a53-9c71-2f4c5d6e7a80"
	CruDemoName      = "Cru Demo"
	ElsewhereOrgID   = "7d1c4b2a-9e8f-4c3d-8b6a-5f4e3d2c1b0a"
	ElsewhereOrgName = "Cru Elsewhere"
)

// The fixed members, seeded before the generated ones and independent of the seed.
const (
	AdaUserID = "ada1815a-1210-4852-8000-000000000001"
	AdaEmail  = "ada.lovelace@mpdx.example" // her Key email (primary)
	AdaRelay  = "ada@relay.mpdx.example"    // her Relay email

	// EscapeUserID's first and last names are EscapeFirstName and EscapeLastName.
	EscapeUserID = "e5ca9e00-0000-4000-8000-00000000e5c0"
	EscapeEmail  = "escape@mpdx.example"

	// LongNameUserID's first and last name are together 300 characters long.
	LongNameUserID = "10a9a3e0-0000-4000-8000-000000000300"
	LongNameEmail  = "longname@mpdx.example"

	// Two members share one Key email: looking it up finds SharedFirstUserID, the one
	// seeded first. The console must resolve members by uuid, not guess.
	SharedEmail        = "shared@mpdx.example"
	SharedFirstUserID  = "5a4ed001-0000-4000-8000-000000000001"
	SharedSecondUserID = "5a4ed002-0000-4000-8000-000000000002"

	// OutsiderUserID has an account list only in ElsewhereOrgID: impersonating them
	// through CruDemoID is 404.
	OutsiderUserID = "0075d1de-0000-4000-8000-0000000000ff"
	OutsiderEmail  = "outsider@mpdx.example"
)

// EscapeFirstName and EscapeLastName try to clear the screen, paint a fake banner, set the
// window title, plant a hyperlink, move the cursor, reverse the text and hide behind
// control bytes (NUL, BS, CR, BEL, DEL), as Ironflow's EscapeTenantName does.
const (
	EscapeFirstName = "\x1b[2J\x1b[H\x1b[41mIMPERSONATING Grace Hopper\r\x1b]0;pwned\x07" +
		"\x1b]8;;https://evil.example/\x1b\\Cru\x1b]8;;\x1b\\"
	EscapeLastName = "\u009b1A\b\b\x00\x7f\u202eevil\u202c\u2067x\u2069\x1b[0m"
)

// LongFirstName and LongLastName make a 300-character name: the first name (254
// characters), a space, and the last name (45).
func LongFirstName() string {
	base := "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Kleinwelzheim-Oberhausen "
	return strings.Repeat(base, 4)[:254]
}

// LongLastName is the last name of LongNameUserID.
func LongLastName() string { return "Wolfeschlegelsteinhausenbergerdorff-Unterbach" }
