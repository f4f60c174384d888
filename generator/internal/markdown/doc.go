// Package markdown turns the Markdown body of a ratusz page into HTML,
// together with the facts about that body the rest of the site needs:
// a plain-text summary, the outline of headings and every link
// destination with its line.
//
// One [Renderer] holds one configured goldmark instance; build it once
// with [New] and call [Renderer.Render] from as many goroutines as you
// like. The same source always renders to the same bytes.
//
// The dialect is CommonMark with these additions and rules:
//
//   - GFM tables, strikethrough (~~x~~) and bare URL autolinks. Header
//     cells of a table render as <th scope="col">.
//   - Every heading gets an id made from its text by the slug rule of
//     file names and topics (slug.Make): lower case, Latin letters
//     folded to ASCII (ą→a … ł→l … ż→z, ß→ss), every other run of
//     characters turned into one hyphen. "## Cele współpracy" gets
//     id="cele-wspolpracy". Repeated ids in one body get -1, -2, …
//     suffixes.
//   - The page title is the page's only h1. If the smallest heading
//     level in a body is 1, every heading moves one level down (h1→h2,
//     h2→h3, …, never past h6); otherwise levels stay as written.
//   - Typography follows [Options.Lang]. In Polish (the default)
//     "…" becomes „…”, '…' becomes ‚…’ and an apostrophe becomes ’; in
//     English quotes become “…” and ‘…’. In both, -- becomes an en
//     dash (–), --- an em dash (—) and ... an ellipsis (…). Code spans
//     and code blocks are left alone. [Quotes] applies the same
//     double-quote rule to a plain string such as a title.
//   - Raw HTML, block or inline, is dropped without a trace.
//   - Links, autolinks and images whose destination uses the
//     javascript:, vbscript:, data: or file: scheme lose the
//     destination: a link or autolink becomes its text, an image
//     becomes its alt text. The scheme is checked the way a browser
//     reads it, after entities and escapes are resolved and case is
//     ignored.
//   - Images keep their alt text; an empty alt (![](x.png)) marks a
//     decorative image and is rendered as alt="".
//   - Links are otherwise rendered as written (no target, no rel), but
//     [Renderer.RenderWith] may give a link another href, and
//     [Options.Address] puts links from the site's root under its path.
//
// [Result.Summary] is the plain text of the first top-level paragraph
// that has any text, with markup stripped, images left out, white space
// collapsed (no-break spaces kept) and typography applied.
// [FirstParagraph] reads the same text, without typography, from no more
// of a body than [FirstParagraphLead] says: what a site's summaries are
// made of when it loads, long before it renders a page.
// [Result.Headings] lists the headings in order, at their rendered
// level. [Result.Links] lists, in order, the destinations of links,
// autolinks and images that are kept in the HTML, with backslash
// escapes and entities resolved but otherwise as written (no
// percent-encoding), and the 1-based line of the body on which each one
// starts.
package markdown
