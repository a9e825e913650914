package probe

import (
	"encoding/binary"
	"errors"
)

// errCBOR is any attestation object this reader cannot follow.
var errCBOR = errors.New("attestation object is not the CBOR map WebAuthn defines")

// attestationFields reads the "fmt" and "authData" members of a WebAuthn
// attestation object, a CBOR map with text keys. It is the little CBOR the
// page needs when the browser lacks getAuthenticatorData(); every other
// member (attStmt) is skipped, not interpreted.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-attestation (figure 6) and RFC 8949 §3
func attestationFields(b []byte) (format string, authData []byte, err error) {
	r := cborReader{b: b}
	major, n, err := r.head()
	if err != nil || major != 5 {
		return "", nil, errCBOR
	}
	for range n {
		km, kn, err := r.head()
		if err != nil || km != 3 {
			return "", nil, errCBOR
		}
		key, err := r.take(kn)
		if err != nil {
			return "", nil, errCBOR
		}
		switch string(key) {
		case "fmt":
			vm, vn, err := r.head()
			if err != nil || vm != 3 {
				return "", nil, errCBOR
			}
			v, err := r.take(vn)
			if err != nil {
				return "", nil, errCBOR
			}
			format = string(v)
		case "authData":
			vm, vn, err := r.head()
			if err != nil || vm != 2 {
				return "", nil, errCBOR
			}
			if authData, err = r.take(vn); err != nil {
				return "", nil, errCBOR
			}
		default:
			if err := r.skip(0); err != nil {
				return "", nil, errCBOR
			}
		}
	}
	if authData == nil {
		return "", nil, errCBOR
	}
	return format, authData, nil
}

// cborReader walks definite-length CBOR, which is all CTAP2 emits.
type cborReader struct {
	b   []byte
	off int
}

// maxCBORDepth bounds nesting so hostile input cannot exhaust the stack.
const maxCBORDepth = 16

// head reads an item's major type and its argument (a length, a count or
// an integer's value).
func (r *cborReader) head() (major byte, arg uint64, err error) {
	if r.off >= len(r.b) {
		return 0, 0, errCBOR
	}
	ib := r.b[r.off]
	r.off++
	major, info := ib>>5, ib&0x1f
	size := 0
	switch {
	case info < 24:
		return major, uint64(info), nil
	case info == 24:
		size = 1
	case info == 25:
		size = 2
	case info == 26:
		size = 4
	case info == 27:
		size = 8
	default: // indefinite lengths and reserved values
		return 0, 0, errCBOR
	}
	if len(r.b)-r.off < size {
		return 0, 0, errCBOR
	}
	var buf [8]byte
	copy(buf[8-size:], r.b[r.off:r.off+size])
	r.off += size
	return major, binary.BigEndian.Uint64(buf[:]), nil
}

func (r *cborReader) take(n uint64) ([]byte, error) {
	if n > uint64(len(r.b)-r.off) {
		return nil, errCBOR
	}
	v := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return v, nil
}

// skip passes over one whole item.
func (r *cborReader) skip(depth int) error {
	if depth > maxCBORDepth {
		return errCBOR
	}
	major, n, err := r.head()
	if err != nil {
		return err
	}
	switch major {
	case 0, 1, 7: // integers, simple values and floats carry no content
		return nil
	case 2, 3:
		_, err := r.take(n)
		return err
	case 4, 5:
		items := n
		if major == 5 {
			items *= 2
		}
		if items > uint64(len(r.b)) { // each item takes at least a byte
			return errCBOR
		}
		for range items {
			if err := r.skip(depth + 1); err != nil {
				return err
			}
		}
		return nil
	case 6: // a tag wraps one item
		return r.skip(depth + 1)
	}
	return errCBOR
}
