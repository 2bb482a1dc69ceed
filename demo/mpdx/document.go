package mpdx

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"

	"github.com/hashicorp/jsonapi"
)

// MediaType is JSON:API's media type, which every request must name as its Content-Type.
const MediaType = jsonapi.MediaType

// ContentType is what every answer is sent as (seen).
const ContentType = MediaType + "; charset=utf-8"

// writeDocument marshals models (a struct pointer or a slice of them, tagged for
// hashicorp/jsonapi) into a JSON:API document. Related resources the library sideloads
// stay in "included" only when their type is in include, in order of first reference
// (the library's order is a map's); meta, when set, is the top-level meta.
func writeDocument(w http.ResponseWriter, status int, models any, include []string, meta map[string]any) {
	payload, err := jsonapi.Marshal(models)
	if err != nil {
		writeError(w, newError(http.StatusInternalServerError, ""))
		return
	}
	switch p := payload.(type) {
	case *jsonapi.OnePayload:
		p.Included = keepIncluded(p.Included, []*jsonapi.Node{p.Data}, include)
		if meta != nil {
			m := jsonapi.Meta(meta)
			p.Meta = &m
		}
	case *jsonapi.ManyPayload:
		p.Included = keepIncluded(p.Included, p.Data, include)
		if meta != nil {
			m := jsonapi.Meta(meta)
			p.Meta = &m
		}
	}
	body, err := json.Marshal(payload)
	if err != nil {
		writeError(w, newError(http.StatusInternalServerError, ""))
		return
	}
	writeBody(w, status, body)
}

// keepIncluded filters the sideloaded resources to the included types and orders them as
// the primary data first refers to them.
func keepIncluded(included, data []*jsonapi.Node, include []string) []*jsonapi.Node {
	order := map[string]int{}
	for _, n := range data {
		if n == nil {
			continue
		}
		names := make([]string, 0, len(n.Relationships))
		for name := range n.Relationships {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			for _, ref := range linkage(n.Relationships[name]) {
				if _, seen := order[key(ref)]; !seen {
					order[key(ref)] = len(order)
				}
			}
		}
	}
	out := included[:0]
	for _, n := range included {
		if slices.Contains(include, n.Type) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *jsonapi.Node) int { return order[key(a)] - order[key(b)] })
	if len(out) == 0 {
		return nil
	}
	return out
}

// linkage is the resource identifiers of one relationship as the library builds it.
func linkage(rel any) []*jsonapi.Node {
	switch r := rel.(type) {
	case *jsonapi.RelationshipManyNode:
		return r.Data
	case *jsonapi.RelationshipOneNode:
		if r.Data != nil {
			return []*jsonapi.Node{r.Data}
		}
	}
	return nil
}

func key(n *jsonapi.Node) string { return n.Type + "," + n.ID }
