package output

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// Fingerprinting puts a hash of a stylesheet's or script's content in its
// name, css/ratusz.css → css/ratusz.3f2a9c1e.css, so that a browser or
// proxy may keep it for a year: a changed file has a new name. The hash is
// the first 8 hex digits of the SHA-256 of the bytes written, so the same
// file always gets the same name. The file stays in its folder, so that
// the relative addresses in it (url(../img/logo.svg)) still lead where
// they did.

// hashLen is how many hex digits of the hash a name carries.
const hashLen = 8

// Fingerprints reports whether files of this name get a fingerprinted
// name: stylesheets and scripts.
func Fingerprints(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".css", ".js":
		return true
	}
	return false
}

// Fingerprint is the name of the file name with data, with the content
// hash before its extension.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashLen] + ext
}

// Plain is the name a fingerprinted name was made from, and whether name
// is one: css/ratusz.3f2a9c1e.css → css/ratusz.css.
func Plain(name string) (string, bool) {
	if !Fingerprints(name) {
		return "", false
	}
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || len(stem)-dot-1 != hashLen || strings.Contains(stem[dot:], "/") {
		return "", false
	}
	for _, c := range stem[dot+1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", false
		}
	}
	return stem[:dot] + ext, true
}
