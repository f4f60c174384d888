package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestLinkifyAsGoldmarks holds linkify to goldmark's Linkify: the same
// HTML for the bodies of a generated site and for text made to have
// addresses in every place a link can start.
func TestLinkifyAsGoldmarks(t *testing.T) {
	theirs := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	ours := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, linkify{}))
	bodies := corpusBodies(t)
	for _, s := range []string{
		"Pisz na sekretariat@gmina.pl albo (biuro@lgd.org.pl).",
		"Strona: https://www.gov.pl/web/gov i http://bip.gmina.pl/?a=1&b=2, ftp://pliki.gmina.pl/x.pdf.",
		"www.wloclawek.pl oraz *www.lgd.pl* i _https://urbact.eu_ ~www.x.pl~ (www.y.pl)",
		"adres@ bez domeny, @sam, a@b, x@y.z. i a,b@c.pl oraz \"q\"@d.pl",
		"www. nic i http: nic, mailto:kontakt@gmina.pl, tel:+48 54 123 45 67",
		"wiersz\tz tabem\twww.tab.pl\n\tsekretariat@tab.pl\n* lista https://lista.pl\n\n> cytat biuro@cytat.pl",
		"[etykieta www.w-etykiecie.pl](https://cel.pl) i ![alt a@b.pl](/x.png)",
		"| a | b |\n| --- | --- |\n| www.tabela.pl | c@tabela.pl |",
	} {
		bodies = append(bodies, []byte(s))
	}
	var a, b bytes.Buffer
	for _, src := range bodies {
		a.Reset()
		b.Reset()
		if err := theirs.Convert(src, &a); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert(src, &b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%q:\nLinkify:\n%s\nlinkify:\n%s", src, a.Bytes(), b.Bytes())
		}
	}
}
