package probe

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

var testNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func newTestLocal() LocalAPI {
	return LocalAPI{Origin: "https://doctor.example.com", RPID: "doctor.example.com", Now: func() time.Time { return testNow }}
}

// fakeAuthenticator answers like a browser with a platform authenticator;
// each field bends one thing a real one could get wrong. No signature is
// made: the page never checks one.
type fakeAuthenticator struct {
	credID   []byte
	userID   []byte
	flags    byte
	count    uint32
	typ      string // client data type; "" means the right one
	origin   string // client data origin; "" means the page's own
	rpID     string // RP ID hashed into the authenticator data; "" means the page's
	badChall bool
	wrongID  bool
	noAuth   bool // no getAuthenticatorData(): only the attestation object
}

func (f *fakeAuthenticator) clientData(typ string, challenge []byte, l LocalAPI) []byte {
	if f.typ != "" {
		typ = f.typ
	}
	origin := l.Origin
	if f.origin != "" {
		origin = f.origin
	}
	if f.badChall {
		challenge = []byte("another challenge")
	}
	b, _ := json.Marshal(map[string]any{"type": typ, "challenge": ceremony.Base64URL(challenge).String(), "origin": origin, "crossOrigin": false})
	return b
}

func (f *fakeAuthenticator) authData(l LocalAPI, attested bool) []byte {
	rp := l.RPID
	if f.rpID != "" {
		rp = f.rpID
	}
	h := sha256.Sum256([]byte(rp))
	b := append([]byte(nil), h[:]...)
	flags := f.flags
	if attested {
		flags |= flagAT
	}
	b = append(b, flags)
	b = binary.BigEndian.AppendUint32(b, f.count)
	if attested {
		b = append(b, bytes.Repeat([]byte{0xad}, 16)...) // AAGUID
		b = binary.BigEndian.AppendUint16(b, uint16(len(f.credID)))
		b = append(b, f.credID...)
		b = append(b, 0xa0) // an empty COSE key: never read
	}
	return b
}

func (f *fakeAuthenticator) Create(_ context.Context, opts ceremony.CreationOptions, _ time.Duration) (json.RawMessage, error) {
	l := LocalAPI{Origin: "https://doctor.example.com", RPID: opts.RP.ID}
	f.userID = opts.User.ID
	ad := f.authData(l, true)
	id := f.credID
	if f.wrongID {
		id = []byte("some other id")
	}
	resp := ceremony.RegistrationResponse{
		ID: ceremony.Base64URL(id).String(), RawID: id, Type: "public-key",
		Response: ceremony.AuthenticatorAttestationJSON{
			ClientDataJSON:    f.clientData("webauthn.create", opts.Challenge, l),
			AttestationObject: attestationObject("none", ad),
			AuthenticatorData: ad,
			Transports:        []string{"internal", "hybrid"},
		},
		AuthenticatorAttachment: "platform",
		ClientExtensionResults:  json.RawMessage(`{"credProps":{"rk":true}}`),
	}
	if f.noAuth {
		resp.Response.AuthenticatorData = nil
	}
	return json.Marshal(resp)
}

func (f *fakeAuthenticator) Get(_ context.Context, opts ceremony.RequestOptions, _ time.Duration) (json.RawMessage, error) {
	l := LocalAPI{Origin: "https://doctor.example.com", RPID: opts.RPID}
	f.count++
	return json.Marshal(ceremony.AuthenticationResponse{
		ID: ceremony.Base64URL(f.credID).String(), RawID: f.credID, Type: "public-key",
		Response: ceremony.AuthenticatorAssertionJSON{
			ClientDataJSON:    f.clientData("webauthn.get", opts.Challenge, l),
			AuthenticatorData: f.authData(l, false),
			Signature:         []byte("not checked"),
			UserHandle:        f.userID,
		},
		AuthenticatorAttachment: "platform",
	})
}

// attestationObject encodes {"fmt": format, "attStmt": {"alg": -7,
// "x5c": [h'00']}, "authData": authData} in CBOR, with an attStmt the
// reader must skip.
func attestationObject(format string, authData []byte) []byte {
	b := []byte{0xa3, 0x63, 'f', 'm', 't', 0x60 | byte(len(format))}
	b = append(b, format...)
	b = append(b, 0x67, 'a', 't', 't', 'S', 't', 'm', 't', 0xa2, 0x63, 'a', 'l', 'g', 0x26, 0x63, 'x', '5', 'c', 0x81, 0x41, 0x00)
	b = append(b, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x59)
	b = binary.BigEndian.AppendUint16(b, uint16(len(authData)))
	return append(b, authData...)
}

func TestLocalCeremonies(t *testing.T) {
	okFlags := byte(flagUP | flagUV | flagBE)
	tests := []struct {
		name     string
		kind     ceremony.Kind
		auth     fakeAuthenticator
		wantOK   bool
		wantCode ceremony.Code
	}{
		{"a platform authenticator with user verification works, checked locally", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags}, true, ""},
		{"a browser without getAuthenticatorData is read from the attestation object", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, noAuth: true}, true, ""},
		{"a security key without a PIN works with UV false", ceremony.KindSecurityKey, fakeAuthenticator{flags: flagUP}, true, ""},
		{"the platform test refuses an authenticator that skipped user verification", ceremony.KindPlatform, fakeAuthenticator{flags: flagUP}, false, ceremony.CodeUserVerificationMissing},
		{"no user presence is refused", ceremony.KindSecurityKey, fakeAuthenticator{flags: 0}, false, ceremony.CodeVerificationFailed},
		{"a get answer to a create is refused by its client data type", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, typ: "webauthn.get"}, false, ceremony.CodeVerificationFailed},
		{"another challenge is refused", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, badChall: true}, false, ceremony.CodeVerificationFailed},
		{"another origin is refused", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, origin: "https://evil.example"}, false, ceremony.CodeOriginMismatch},
		{"authenticator data for another RP ID is refused", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, rpID: "example.org"}, false, ceremony.CodeOriginMismatch},
		{"a credential id that differs from the authenticator data is refused", ceremony.KindPlatform, fakeAuthenticator{flags: okFlags, wrongID: true}, false, ceremony.CodeVerificationFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth := tt.auth
			auth.credID = []byte("credential-1")
			o := Tester{API: newTestLocal(), Authenticator: &auth, Now: func() time.Time { return testNow }}.Run(context.Background(), tt.kind, nil)
			if o.OK() != tt.wantOK {
				t.Fatalf("OK() = %v, want %v; facts %+v", o.OK(), tt.wantOK, o.Facts)
			}
			if !tt.wantOK {
				if o.Facts.ServerCode != string(tt.wantCode) {
					t.Errorf("ServerCode = %q, want %q (%s)", o.Facts.ServerCode, tt.wantCode, o.Facts.ErrorMessage)
				}
				return
			}
			for _, r := range []*ceremony.FinishResponse{o.Registered, o.SignedIn} {
				if !r.LocalOnly {
					t.Errorf("a local %s result lacks LocalOnly", tt.kind)
				}
				if got, want := r.UserVerified, auth.flags&flagUV != 0; got != want {
					t.Errorf("UserVerified = %v, want %v", got, want)
				}
				if !IsLocalToken(r.Credential) {
					t.Errorf("Credential %q is not a local token", r.Credential)
				}
			}
			if got := o.Registered.AttestationFormat; got != "none" {
				t.Errorf("AttestationFormat = %q, want none", got)
			}
			if d := o.Registered.Discoverable; d == nil || !*d {
				t.Errorf("Discoverable = %v, want true from credProps", d)
			}
			if o.SignedIn.SignCount != 1 || o.SignedIn.CounterRegressed {
				t.Errorf("SignCount %d, CounterRegressed %v; want 1, false", o.SignedIn.SignCount, o.SignedIn.CounterRegressed)
			}
		})
	}
}

func TestLocalBeginUsesTheSharedPolicy(t *testing.T) {
	l := newTestLocal()
	for _, kind := range []ceremony.Kind{ceremony.KindPlatform, ceremony.KindSecurityKey, ceremony.KindPhone} {
		begin, err := l.RegisterBegin(context.Background(), ceremony.RegisterBeginRequest{Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		p := ceremony.PolicyFor(kind)
		sel := begin.PublicKey.AuthenticatorSelection
		got := ceremony.Policy{Attachment: sel.AuthenticatorAttachment, ResidentKey: sel.ResidentKey, RegisterUV: sel.UserVerification, LoginUV: p.LoginUV, Hints: begin.PublicKey.Hints}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("%s creation options (-policy +got):\n%s", kind, diff)
		}
		if begin.PublicKey.RP.ID != l.RPID || len(begin.PublicKey.Challenge) != 32 || len(begin.PublicKey.User.ID) != 16 {
			t.Errorf("%s options: rp %q, challenge %d bytes, user id %d bytes", kind, begin.PublicKey.RP.ID, len(begin.PublicKey.Challenge), len(begin.PublicKey.User.ID))
		}
	}
	if _, err := l.RegisterBegin(context.Background(), ceremony.RegisterBeginRequest{Kind: ceremony.KindExisting}); err == nil {
		t.Error("the existing-passkey test registered")
	}
}

func TestLocalExistingPasskey(t *testing.T) {
	l := newTestLocal()
	auth := &fakeAuthenticator{credID: []byte("credential-1"), flags: flagUP | flagUV}
	first := Tester{API: l, Authenticator: auth}.Run(context.Background(), ceremony.KindPlatform, nil)
	if !first.OK() {
		t.Fatalf("platform test failed: %+v", first.Facts)
	}
	stored := []string{first.SignedIn.Credential}

	t.Run("the stored test passkey signs in discoverably", func(t *testing.T) {
		o := Tester{API: l, Authenticator: auth}.Run(context.Background(), ceremony.KindExisting, stored)
		if !o.OK() || !o.SignedIn.LocalOnly {
			t.Fatalf("existing test: %+v", o.Facts)
		}
	})
	t.Run("another passkey is the orphan case", func(t *testing.T) {
		other := &fakeAuthenticator{credID: []byte("credential-2"), flags: flagUP | flagUV}
		o := Tester{API: l, Authenticator: other}.Run(context.Background(), ceremony.KindExisting, stored)
		if o.OK() || o.Facts.ServerCode != string(ceremony.CodeUnknownCredential) {
			t.Fatalf("existing test with another passkey: OK %v, code %q", o.OK(), o.Facts.ServerCode)
		}
	})
	t.Run("beside a server-sealed token another passkey cannot be called an orphan", func(t *testing.T) {
		other := &fakeAuthenticator{credID: []byte("credential-2"), flags: flagUP | flagUV}
		o := Tester{API: l, Authenticator: other}.Run(context.Background(), ceremony.KindExisting, append(stored, "sealed-by-a-server"))
		if !o.OK() {
			t.Fatalf("existing test: %+v", o.Facts)
		}
	})
	t.Run("an expired local session is refused", func(t *testing.T) {
		begin, _ := l.LoginBegin(context.Background(), ceremony.LoginBeginRequest{Kind: ceremony.KindExisting, Discoverable: true})
		late := l
		late.Now = func() time.Time { return testNow.Add(time.Hour) }
		_, err := late.LoginFinish(context.Background(), ceremony.LoginFinishRequest{Session: begin.Session, Credential: json.RawMessage(`{}`)})
		var apiErr *ceremony.Error
		if !errors.As(err, &apiErr) || apiErr.Code != ceremony.CodeTokenExpired {
			t.Fatalf("LoginFinish = %v, want token-expired", err)
		}
	})
}

// fakeServer is a ceremony API that is down, or answers with a marker.
type fakeServer struct{ down bool }

func (s fakeServer) RegisterBegin(context.Context, ceremony.RegisterBeginRequest) (ceremony.RegisterBeginResponse, error) {
	if s.down {
		return ceremony.RegisterBeginResponse{}, ErrUnreachable
	}
	return ceremony.RegisterBeginResponse{Session: "server"}, nil
}
func (s fakeServer) RegisterFinish(context.Context, ceremony.RegisterFinishRequest) (ceremony.FinishResponse, error) {
	return ceremony.FinishResponse{Credential: "server"}, nil
}
func (s fakeServer) LoginBegin(context.Context, ceremony.LoginBeginRequest) (ceremony.LoginBeginResponse, error) {
	if s.down {
		return ceremony.LoginBeginResponse{}, ErrUnreachable
	}
	return ceremony.LoginBeginResponse{Session: "server"}, nil
}
func (s fakeServer) LoginFinish(context.Context, ceremony.LoginFinishRequest) (ceremony.FinishResponse, error) {
	return ceremony.FinishResponse{Credential: "server"}, nil
}

func TestFallbackRunsLocallyOnlyWithoutAServer(t *testing.T) {
	auth := &fakeAuthenticator{credID: []byte("credential-1"), flags: flagUP | flagUV}
	tests := []struct {
		name      string
		server    fakeServer
		stored    []string
		kind      ceremony.Kind
		wantLocal bool
	}{
		{"a reachable server verifies the test", fakeServer{}, nil, ceremony.KindPlatform, false},
		{"an unreachable server leaves the test to the page", fakeServer{down: true}, nil, ceremony.KindPlatform, true},
		{"a passkey made locally signs in locally even with a server", fakeServer{}, []string{mustLocalCredential(t)}, ceremony.KindExisting, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := Fallback{Server: tt.server, Local: newTestLocal()}
			o := Tester{API: api, Authenticator: auth}.Run(context.Background(), tt.kind, tt.stored)
			if o.SignedIn == nil {
				t.Fatalf("no sign-in: %+v", o.Facts)
			}
			if o.SignedIn.LocalOnly != tt.wantLocal {
				t.Errorf("LocalOnly = %v, want %v", o.SignedIn.LocalOnly, tt.wantLocal)
			}
		})
	}
}

func mustLocalCredential(t *testing.T) string {
	t.Helper()
	tok, err := encodeLocal(localCredential{ID: []byte("credential-1"), RPID: "doctor.example.com", Kind: ceremony.KindPlatform, Expires: testNow.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestAttestationFieldsRefusesMalformedCBOR(t *testing.T) {
	good := attestationObject("packed", bytes.Repeat([]byte{1}, 37))
	for name, b := range map[string][]byte{
		"an empty object":          nil,
		"an array, not a map":      {0x80},
		"a truncated object":       good[:len(good)-5],
		"a map without authData":   {0xa1, 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e'},
		"indefinite-length items":  {0xbf, 0xff},
		"a length beyond the data": {0xa1, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x5a, 0xff, 0xff, 0xff, 0xff},
	} {
		if _, _, err := attestationFields(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	format, ad, err := attestationFields(good)
	if err != nil || format != "packed" || len(ad) != 37 {
		t.Errorf("attestationFields(good) = %q, %d bytes, %v", format, len(ad), err)
	}
}

func FuzzAttestationFields(f *testing.F) {
	f.Add(attestationObject("none", bytes.Repeat([]byte{1}, 37)))
	f.Add([]byte{0xa1, 0x63, 'f', 'm', 't', 0x60})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, ad, err := attestationFields(b)
		if err == nil {
			_, _ = parseAuthData(ad)
		}
	})
}
