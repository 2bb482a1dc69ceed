package ui

// Appwrite's sign-in fields, by index: email and password follow the endpoint and project.
const (
	fieldEmail = fieldSignIn + iota
	fieldPassword
)
