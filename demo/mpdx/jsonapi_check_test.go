package mpdx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/jsonapi"
)

// checkJSONAPI fails t unless body is a valid JSON:API 1.0 document: the structural rules
// of https://jsonapi.org/format/1.0/ that a response can break, checked by hand, and a
// decode into hashicorp/jsonapi's own document types.
func checkJSONAPI(t testing.TB, what string, body []byte) {
	t.Helper()
	for _, problem := range jsonapiProblems(body) {
		t.Errorf("%s: not JSON:API: %s\n%s", what, problem, truncate(string(body)))
	}
}

// jsonapiProblems lists how body breaks JSON:API 1.0; none for a valid document.
func jsonapiProblems(body []byte) []string {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil || doc == nil {
		return []string{fmt.Sprintf("the top level is not a JSON object (%v)", err)}
	}
	c := &docCheck{}
	c.topLevel(doc)
	c.library(body, doc)
	return c.problems
}

type docCheck struct {
	problems  []string
	resources map[string]bool // "type,id" of data and included
	linked    map[string]bool // "type,id" named by relationships
}

func (c *docCheck) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// memberName is JSON:API 1.0's rule for member names (globally allowed characters; no
// reserved ones at the ends).
var memberName = regexp.MustCompile(`^[a-zA-Z0-9](?:[a-zA-Z0-9_\- ]*[a-zA-Z0-9])?$`)

func (c *docCheck) topLevel(doc map[string]any) {
	allowed := []string{"data", "errors", "meta", "jsonapi", "links", "included"}
	for k := range doc {
		if !slices.Contains(allowed, k) {
			c.fail("top-level member %q", k)
		}
	}
	_, hasData := doc["data"]
	_, hasErrors := doc["errors"]
	_, hasMeta := doc["meta"]
	_, hasIncluded := doc["included"]
	switch {
	case !hasData && !hasErrors && !hasMeta:
		c.fail("none of data, errors and meta")
	case hasData && hasErrors:
		c.fail("both data and errors")
	case hasIncluded && !hasData:
		c.fail("included without data")
	}
	if m, ok := doc["meta"]; ok {
		c.meta("meta", m)
	}
	c.resources, c.linked = map[string]bool{}, map[string]bool{}
	if hasData {
		switch d := doc["data"].(type) {
		case nil:
		case map[string]any:
			c.resource("data", d)
		case []any:
			for i, r := range d {
				c.resourceItem(fmt.Sprintf("data[%d]", i), r)
			}
		default:
			c.fail("data is neither null, an object nor an array")
		}
	}
	if hasIncluded {
		inc, ok := doc["included"].([]any)
		if !ok {
			c.fail("included is not an array")
		}
		var keys []string
		for i, r := range inc {
			if k := c.resourceItem(fmt.Sprintf("included[%d]", i), r); k != "" {
				keys = append(keys, k)
			}
		}
		for _, k := range keys { // full linkage
			if !c.linked[k] {
				c.fail("included %s is referred to by no relationship", k)
			}
		}
	}
	if hasErrors {
		errs, ok := doc["errors"].([]any)
		if !ok || len(errs) == 0 {
			c.fail("errors is not a non-empty array")
		}
		for i, e := range errs {
			c.errorObject(fmt.Sprintf("errors[%d]", i), e)
		}
	}
}

func (c *docCheck) meta(where string, m any) {
	if _, ok := m.(map[string]any); !ok {
		c.fail("%s is not an object", where)
	}
}

func (c *docCheck) resourceItem(where string, v any) string {
	r, ok := v.(map[string]any)
	if !ok {
		c.fail("%s is not a resource object", where)
		return ""
	}
	return c.resource(where, r)
}

// resource checks a resource object and returns its "type,id".
func (c *docCheck) resource(where string, r map[string]any) string {
	for k := range r {
		if !slices.Contains([]string{"id", "type", "attributes", "relationships", "links", "meta"}, k) {
			c.fail("%s has member %q", where, k)
		}
	}
	id, idOK := r["id"].(string)
	typ, typeOK := r["type"].(string)
	if !idOK || !typeOK || typ == "" {
		c.fail("%s lacks a string id and type", where)
		return ""
	}
	key := typ + "," + id
	if c.resources[key] {
		c.fail("%s: resource %s twice", where, key)
	}
	c.resources[key] = true
	fields := map[string]bool{}
	if a, ok := r["attributes"]; ok {
		attrs, ok := a.(map[string]any)
		if !ok {
			c.fail("%s.attributes is not an object", where)
		}
		for k := range attrs {
			c.field(where+".attributes", k, fields)
			if k == "relationships" || k == "links" {
				c.fail("%s.attributes has reserved %q", where, k)
			}
		}
	}
	if rl, ok := r["relationships"]; ok {
		rels, ok := rl.(map[string]any)
		if !ok {
			c.fail("%s.relationships is not an object", where)
		}
		for k, v := range rels {
			c.field(where+".relationships", k, fields)
			c.relationship(where+".relationships."+k, v)
		}
	}
	if m, ok := r["meta"]; ok {
		c.meta(where+".meta", m)
	}
	return key
}

// field checks one attribute or relationship name: valid, not id or type, and not both.
func (c *docCheck) field(where, name string, seen map[string]bool) {
	if !memberName.MatchString(name) {
		c.fail("%s: member name %q", where, name)
	}
	if name == "id" || name == "type" {
		c.fail("%s: field named %q", where, name)
	}
	if seen[name] {
		c.fail("%s: %q is an attribute and a relationship", where, name)
	}
	seen[name] = true
}

func (c *docCheck) relationship(where string, v any) {
	rel, ok := v.(map[string]any)
	if !ok {
		c.fail("%s is not an object", where)
		return
	}
	_, l := rel["links"]
	d, hasData := rel["data"]
	_, m := rel["meta"]
	if !l && !hasData && !m {
		c.fail("%s has none of links, data and meta", where)
	}
	if !hasData {
		return
	}
	var ids []any
	switch t := d.(type) {
	case nil:
	case map[string]any:
		ids = []any{t}
	case []any:
		ids = t
	default:
		c.fail("%s.data is not linkage", where)
	}
	for _, x := range ids {
		ident, ok := x.(map[string]any)
		id, idOK := ident["id"].(string)
		typ, typeOK := ident["type"].(string)
		if !ok || !idOK || !typeOK || typ == "" {
			c.fail("%s.data holds %v, not a resource identifier", where, x)
			continue
		}
		for k := range ident {
			if k != "id" && k != "type" && k != "meta" {
				c.fail("%s.data identifier has member %q", where, k)
			}
		}
		c.linked[typ+","+id] = true
	}
}

func (c *docCheck) errorObject(where string, v any) {
	e, ok := v.(map[string]any)
	if !ok {
		c.fail("%s is not an object", where)
		return
	}
	for k, x := range e {
		switch k {
		case "id", "status", "code", "title", "detail":
			if _, ok := x.(string); !ok {
				c.fail("%s.%s is not a string", where, k)
			}
		case "links", "meta":
			c.meta(where+"."+k, x)
		case "source":
			src, ok := x.(map[string]any)
			if !ok {
				c.fail("%s.source is not an object", where)
			}
			for sk, sv := range src {
				if _, ok := sv.(string); !ok || (sk != "pointer" && sk != "parameter") {
					c.fail("%s.source.%s", where, sk)
				}
			}
		default:
			c.fail("%s has member %q", where, k)
		}
	}
}

// library decodes the document into hashicorp/jsonapi's types: the one-resource or
// many-resource payload, or the errors payload, and compares the resources it read with
// the document's.
func (c *docCheck) library(body []byte, doc map[string]any) {
	switch d := doc["data"].(type) {
	case map[string]any:
		var p jsonapi.OnePayload
		if err := json.Unmarshal(body, &p); err != nil || p.Data == nil || p.Data.ID != d["id"] || p.Data.Type != d["type"] {
			c.fail("hashicorp/jsonapi reads no such resource (%v)", err)
		}
	case []any:
		var p jsonapi.ManyPayload
		if err := json.Unmarshal(body, &p); err != nil || len(p.Data) != len(d) {
			c.fail("hashicorp/jsonapi reads %d resources, not %d (%v)", len(p.Data), len(d), err)
		}
	}
	if _, ok := doc["errors"]; ok {
		var p jsonapi.ErrorsPayload
		if err := json.Unmarshal(body, &p); err != nil || len(p.Errors) == 0 || reflect.ValueOf(p.Errors[0]).IsNil() {
			c.fail("hashicorp/jsonapi reads no errors (%v)", err)
		}
	}
}

// The checker itself refuses what it should.
func TestCheckJSONAPIRefusesInvalidDocuments(t *testing.T) {
	for name, doc := range map[string]string{
		"not an object":        `[]`,
		"nothing":              `{}`,
		"data and errors":      `{"data":null,"errors":[{"status":"1"}]}`,
		"unknown member":       `{"meta":{},"x":1}`,
		"included alone":       `{"meta":{},"included":[]}`,
		"no id":                `{"data":{"type":"a"}}`,
		"numeric id":           `{"data":{"type":"a","id":1}}`,
		"attribute id":         `{"data":{"type":"a","id":"1","attributes":{"id":"x"}}}`,
		"bad relationship":     `{"data":{"type":"a","id":"1","relationships":{"r":{}}}}`,
		"bad linkage":          `{"data":{"type":"a","id":"1","relationships":{"r":{"data":[{"id":"2"}]}}}}`,
		"unlinked included":    `{"data":{"type":"a","id":"1"},"included":[{"type":"b","id":"2"}]}`,
		"duplicate resource":   `{"data":[{"type":"a","id":"1"},{"type":"a","id":"1"}]}`,
		"numeric error status": `{"errors":[{"status":401}]}`,
		"bad source":           `{"errors":[{"source":{"line":"1"}}]}`,
		"meta not an object":   `{"meta":[]}`,
		"bad member name":      `{"data":{"type":"a","id":"1","attributes":{"_x":1}}}`,
	} {
		if len(jsonapiProblems([]byte(doc))) == 0 {
			t.Errorf("%s: %s passes", name, doc)
		}
	}
	valid := `{"data":[{"type":"a","id":"1","attributes":{"n":"x"},"relationships":{"b":{"data":[{"type":"b","id":"2"}]}}}],` +
		`"included":[{"type":"b","id":"2","attributes":{"k":[{"id":"e","email":"x"}]}}],"meta":{"pagination":{"page":1}}}`
	if p := jsonapiProblems([]byte(valid)); len(p) > 0 {
		t.Errorf("a valid document fails: %v", p)
	}
}
