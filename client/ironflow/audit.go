package ironflow

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"actas/client"
)

// auditPage is how many platform audit rows one read asks for: the platform has no filter
// by actor, so the operator's own are picked from them.
const auditPage = 200

// OperatorAudit lists what this operator did as tenants (platform.impersonated events
// whose actor is them), newest first as the platform answers.
func (c *Client) OperatorAudit(ctx context.Context, limit int) ([]client.AuditEntry, error) {
	op, ok := c.Operator()
	if !ok {
		return nil, client.ErrNotSignedIn
	}
	rows, err := c.audit(ctx, url.Values{})
	if err != nil {
		return nil, err
	}
	var out []client.AuditEntry
	for _, r := range rows {
		if r.ActorID == op.ID && (limit <= 0 || len(out) < limit) {
			out = append(out, r)
		}
	}
	return out, nil
}

// SubjectAudit lists what was done as tenant id, by anyone.
func (c *Client) SubjectAudit(ctx context.Context, id string, limit int) ([]client.AuditEntry, error) {
	rows, err := c.audit(ctx, url.Values{"impersonated_org_id": {id}})
	if err != nil || limit <= 0 || len(rows) <= limit {
		return rows, err
	}
	return rows[:limit], nil
}

func (c *Client) audit(ctx context.Context, params url.Values) ([]client.AuditEntry, error) {
	params.Set("event_type", "platform.impersonated")
	params.Set("limit", strconv.Itoa(auditPage))
	var l auditList
	if _, err := send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, "/platform/audit", &l); err != nil {
		return nil, err
	}
	out := make([]client.AuditEntry, len(l.Events))
	for i, e := range l.Events {
		out[i] = e.entry()
	}
	return out, nil
}
