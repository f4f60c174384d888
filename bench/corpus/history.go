package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

// historyStart is the date of a history's first commit; each next one is
// a minute later, so that the same tree gets the same history.
var historyStart = time.Date(2020, 1, 6, 8, 0, 0, 0, time.FixedZone("CET", 3600))

// historyAuthors take turns as the authors of a history's commits.
var historyAuthors = []string{"Anna Nowak", "Jan Kowalski", "Maria Wiśniewska"}

// WriteHistory makes the site folder dir, written by Write, a git
// repository whose history has commits commits for every file of its
// content, one file a commit, as editors commit: each file is added with
// the first half of its text, changed in between, and gets its whole text
// in the last of its commits; the files' first commits come before any
// file's second. The working tree is left as Write made it, with nothing
// to commit. It needs git, and gives the same history for the same tree.
func WriteHistory(dir string, commits int) error {
	if commits < 1 {
		return fmt.Errorf("corpus: %d commits a file: need at least 1", commits)
	}
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(files)
	git := func(args ...string) *exec.Cmd {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
		return cmd
	}
	if out, err := git("init", "-q", "-b", "main").CombinedOutput(); err != nil {
		return fmt.Errorf("git init: %v: %s", err, out)
	}
	imp := git("fast-import", "--quiet")
	var stderr bytes.Buffer
	imp.Stderr = &stderr
	in, err := imp.StdinPipe()
	if err != nil {
		return err
	}
	if err := imp.Start(); err != nil {
		return fmt.Errorf("git fast-import: %v", err)
	}
	w := bufio.NewWriterSize(in, 1<<20)
	when := historyStart
	n := 0
	for round := 1; round <= commits; round++ {
		for _, f := range files {
			text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			if err != nil {
				in.Close()
				imp.Wait()
				return err
			}
			subject := "Uzupełniono " + f
			switch round {
			case 1:
				subject = "Dodano " + f
				if commits > 1 {
					text = text[:len(text)/2]
				}
			case commits:
			default:
				text = append(text[:len(text)/2:len(text)/2], fmt.Sprintf("\n\nWersja %d.\n", round)...)
			}
			author := historyAuthors[n%len(historyAuthors)]
			stamp := fmt.Sprintf("%d %s", when.Unix(), when.Format("-0700"))
			fmt.Fprintf(w, "commit refs/heads/main\nauthor %s <redakcja@example.org> %s\ncommitter %s <redakcja@example.org> %s\ndata %d\n%s\n",
				author, stamp, author, stamp, len(subject), subject)
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", f, len(text))
			w.Write(text)
			w.WriteString("\n")
			when = when.Add(time.Minute)
			n++
		}
	}
	if err := w.Flush(); err != nil {
		in.Close()
		imp.Wait()
		return fmt.Errorf("git fast-import: %v: %s", err, stderr.String())
	}
	in.Close()
	if err := imp.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %v: %s", err, stderr.String())
	}
	if out, err := git("reset", "-q").CombinedOutput(); err != nil {
		return fmt.Errorf("git reset: %v: %s", err, out)
	}
	return nil
}
