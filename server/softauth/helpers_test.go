package softauth

import "github.com/passkey-doctor/passkey-doctor/app/ceremony"

func ceremonyRequest(rpID string) ceremony.RequestOptions {
	return ceremony.RequestOptions{RPID: rpID, Challenge: make([]byte, 16)}
}
