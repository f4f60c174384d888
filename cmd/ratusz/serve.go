package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os/exec"
	"runtime"

	"github.com/ratusz/ratusz/generator"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f siteFlags
	fs := newFlagSet("serve")
	f.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "`host:port` to listen on")
	open := fs.Bool("open", false, "open the site in a browser")
	set, err := parse(fs, args, stdout)
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
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &exitError{1, fmt.Errorf("cannot listen on %s: %v", *addr, err)}
	}
	url := "http://" + ln.Addr().String() + cfg.BaseURLPath()
	if !f.quiet {
		fmt.Fprintf(stderr, "ratusz: serving %s (Ctrl-C to stop)\n", url)
	}
	if *open {
		openBrowser(url)
	}
	var log io.Writer = stderr
	err = generator.Serve(ctx, cfg, generator.ServeOptions{Listener: ln, Log: log})
	if generator.IsUsage(err) {
		return &exitError{2, err}
	}
	return err
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
