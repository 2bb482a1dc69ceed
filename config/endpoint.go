package config

import (
	"errors"

	"actas/client"
)

// endpointProblem says why raw is refused as an endpoint, or "". The rule is
// client.CheckEndpoint's, shared with the client itself; the endpoint is echoed with
// its user:password@ hidden and cut like every value in these errors.
//
// The file is checked with insecure true (everything but the plain-http rule): whether
// plain http to a remote host is allowed is known only once --insecure, ACTAS_INSECURE
// and the profile are resolved, so Resolve checks that.
func endpointProblem(raw string, insecure bool) string {
	_, err := client.CheckEndpoint(raw, insecure)
	var ee *client.EndpointError
	switch {
	case errors.As(err, &ee):
		return quoteValue(ee.Shown) + " " + ee.Err.Error()
	case err != nil:
		return err.Error()
	}
	return ""
}
