package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"time"

	"github.com/ratusz/ratusz/generator"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f siteFlags
	fs := newFlagSet("serve", stderr)
	f.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "`host:port` to listen on")
	open := fs.Bool("open", false, "open the site in a browser")
	set, err := parse(fs, args)
	if err != nil {
		return err
	}
	cfg, err := f.config(set)
	if err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageErr("-addr %q: %v", *addr, err)
	}
	srv, err := generator.NewServer(ctx, cfg)
	if err != nil {
		return report(generator.Result{}, err, f.quiet, "", stderr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &exitError{1, fmt.Errorf("cannot listen on %s: %v", *addr, err)}
	}
	url := "http://" + ln.Addr().String() + "/"
	if !f.quiet {
		fmt.Fprintf(stderr, "ratusz: serving %s (Ctrl-C to stop)\n", url)
	}
	if *open {
		openBrowser(url)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	_ = cmd.Start()
}
