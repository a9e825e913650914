package softauth

// A minimal deterministic CBOR writer: just the items WebAuthn needs.
// Specification: RFC 8949 §3 and §4.2.1.

const (
	majorUint   = 0
	majorNegInt = 1
	majorBytes  = 2
	majorText   = 3
	majorArray  = 4
	majorMap    = 5
)

func cborHead(b []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(b, m|byte(n))
	case n <= 0xff:
		return append(b, m|24, byte(n))
	case n <= 0xffff:
		return append(b, m|25, byte(n>>8), byte(n))
	case n <= 0xffffffff:
		return append(b, m|26, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	default:
		return append(b, m|27, byte(n>>56), byte(n>>48), byte(n>>40), byte(n>>32), byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
}

func cborInt(b []byte, v int64) []byte {
	if v >= 0 {
		return cborHead(b, majorUint, uint64(v))
	}
	return cborHead(b, majorNegInt, uint64(-1-v))
}

func cborBytes(b, v []byte) []byte {
	return append(cborHead(b, majorBytes, uint64(len(v))), v...)
}

func cborText(b []byte, v string) []byte {
	return append(cborHead(b, majorText, uint64(len(v))), v...)
}
