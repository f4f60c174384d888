package corpus

// slugify turns a title into a file name stem: lowercase ASCII letters and
// digits, words joined by single hyphens, Polish letters transliterated.
func slugify(title string) string {
	b := make([]byte, 0, len(title))
	gap := false
	for _, r := range title {
		var c byte
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			c = byte(r)
		case 'A' <= r && r <= 'Z':
			c = byte(r) + 'a' - 'A'
		default:
			c = transliterate(r)
		}
		if c == 0 {
			gap = len(b) > 0
			continue
		}
		if gap {
			b = append(b, '-')
			gap = false
		}
		b = append(b, c)
	}
	return string(b)
}

// transliterate maps a letter with a diacritic to its ASCII base letter, and
// anything else to 0.
func transliterate(r rune) byte {
	switch r {
	case 'ą', 'Ą', 'á', 'Á', 'ä', 'Ä':
		return 'a'
	case 'ć', 'Ć', 'č', 'Č':
		return 'c'
	case 'ę', 'Ę', 'é', 'É':
		return 'e'
	case 'ł', 'Ł':
		return 'l'
	case 'ń', 'Ń':
		return 'n'
	case 'ó', 'Ó', 'ö', 'Ö':
		return 'o'
	case 'ś', 'Ś', 'š', 'Š':
		return 's'
	case 'ź', 'Ź', 'ż', 'Ż', 'ž', 'Ž':
		return 'z'
	case 'ü', 'Ü':
		return 'u'
	}
	return 0
}
