package textsearch

import (
	"reflect"
	"testing"
)

func TestInnoDBWords(t *testing.T) {
	var got []string
	InnoDB{}.Words("Ada_Lovelace ada@Example.COM +14155550100 Ольга Ångström-Ørsted प्रिया 王伟", func(w string) {
		got = append(got, w)
	})
	want := []string{"ada_lovelace", "ada", "example", "com", "14155550100", "ольга", "ångström", "ørsted", "प्रिया", "王伟"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
}

func TestInnoDBIndexesWordsOfThreeCharactersButNotStopwords(t *testing.T) {
	for w, want := range map[string]bool{"ada": true, "ab": false, "com": false, "www": false, "王伟": false,
		"김민준": true, "the": false, "thee": true} {
		if got := (InnoDB{}).Indexed(w); got != want {
			t.Errorf("Indexed(%q) = %v, want %v", w, got, want)
		}
	}
	if got := Tokens(InnoDB{}, "ada ab the Lovelace ada"); !reflect.DeepEqual(got, []string{"ada", "lovelace", "ada"}) {
		t.Errorf("Tokens kept %q", got)
	}
}

func TestInnoDBParse(t *testing.T) {
	for _, tc := range []struct {
		search string
		want   Query
	}{
		{"lov", Query{Prefix: "lov"}},
		{"LOVELACE smirnova", Query{Exact: []string{"lovelace"}, Prefix: "smirnova"}},
		{"zz the lovelace l", Query{Exact: []string{"lovelace"}, Prefix: "l"}}, // short and stopwords dropped, not the last
		{`"ada lovelace"`, Query{Phrase: []string{"ada", "lovelace"}}},
		{`"ab ada"`, Query{Phrase: []string{"ada"}}},
		{"olga.smirnova@example.ru", Query{Exact: []string{"olga", "smirnova", "example"}, Prefix: "ru"}},
		{"+1415", Query{Prefix: "1415"}},
		{"@", Query{}},
		{`+-*()<>~"`, Query{}},
		{"", Query{}},
	} {
		if got := (InnoDB{}).Parse(tc.search); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.search, got, tc.want)
		}
	}
	if !(InnoDB{}).Parse("@").Empty() || (InnoDB{}).Parse("a").Empty() {
		t.Error("Empty")
	}
}
