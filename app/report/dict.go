package report

// dictionary is the zlib preset dictionary of format 1: text that most
// reports repeat (JSON keys, User-Agent pieces, the browsers' WebAuthn error
// messages). DEFLATE may point back into it from the first byte, so a
// typical report's code is about half as long as without it.
//
// It is part of the format: changing a single byte makes every PD1 code
// undecodable (zlib checks the dictionary's Adler-32, so Decode says
// ErrDamaged rather than returning garbage). A better dictionary takes a
// new prefix, PD2, with this one kept for reading. TestDictionaryIsFrozen
// pins it.
//
// DEFLATE codes near matches more cheaply, so the most common text is last.
const dictionary = `` +
	// Browser error messages (Chromium, Safari, Firefox).
	`The operation is not allowed at this time because the page does not have focus.` +
	`The 'publickey-credentials-get' feature is not enabled in this document. Permissions Policy may be used to delegate Web Authentication capabilities to cross-origin child frames.` +
	`A user activation is required to create a credential in a cross-origin iframe.` +
	`WebAuthn is not supported on sites with TLS certificate errors.` +
	`The relying party ID is not a registrable domain suffix of, nor equal to the current domain.` +
	`The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.` +
	`The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.` +
	`The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.` +
	`"errorName":"NotAllowedError","errorMessage":"` +
	`"errorName":"InvalidStateError","errorName":"SecurityError","errorName":"AbortError","errorName":"NotSupportedError","errorName":"UnknownError",` +
	// Sign-in messages people report.
	`"message":"We couldn't use your device to verify your identity","message":"This passkey can no longer be used","message":"We couldn't sign you in",` +
	// Policy and links.
	`"policy":{"identityProvider":"okta","identityProvider":"google","identityProvider":"keycloak","identityProvider":"adfs","identityProvider":"custom",` +
	`"links":{"securityInfo":"https://mysignins.microsoft.com/security-info","helpdesk":"https://` +
	// Client hints.
	`"fullVersionList":[{"brand":"Microsoft Edge","version":"` +
	`{"brand":"Not)A;Brand","version":"99.0.0.0"},{"brand":"Not/A)Brand","version":"8"},{"brand":"Not_A Brand","version":"24"},` +
	`"formFactors":["Desktop"],"formFactors":["Mobile"],"formFactors":["Tablet"],"architecture":"x86","architecture":"arm","bitness":"64",` +
	`"uaData":{"platform":"macOS","platform":"Android","platform":"Chrome OS","platform":"Linux","platformVersion":"","model":"",` +
	`"uaData":{"platform":"Windows","platformVersion":"15.0.0","mobile":false,"brands":[{"brand":"Chromium","version":"` +
	`{"brand":"Google Chrome","version":"` +
	// User-Agents.
	`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15` +
	`Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1` +
	`Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0` +
	`Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36` +
	`Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0` +
	// The probe.
	`"capabilities":{"conditionalCreate":true,"conditionalGet":true,"hybridTransport":true,"passkeyPlatformAuthenticator":true,"userVerifyingPlatformAuthenticator":true,` +
	`"relatedOrigins":true,"signalAllAcceptedCredentials":true,"signalCurrentUserDetails":true,"signalUnknownCredential":true,"extension:appid":true,"extension:credProps":true,"extension:largeBlob":true,"extension:prf":true},` +
	`"webauthn":{"available":"yes","secureContext":"yes","uvpaa":"yes","conditionalMediation":"yes","framed":"no","crossOriginFrame":"no","publickeyCredentialsGet":"yes","publickeyCredentialsCreate":"yes",` +
	// Ceremonies.
	`"ceremonies":[{"kind":"security-key","kind":"phone","kind":"existing","step":"create","step":"get","step":"server","serverCode":"` +
	`"elapsedMs":,"timeoutMs":60000,"userVerification":"required","userVerification":"preferred","residentKey":"required","allowCredentials":1,"justRegistered":true},` +
	`{"kind":"platform",` +
	// Answers, steps tried and the envelope, most common last.
	`"answers":{"accountType":"work","otherMethodWorks":"unknown","otherDeviceWorks":"unknown","androidWorkProfile":"unknown","passkeyInPersonalProfile":"unknown","recreatedPasskey":"unknown"},` +
	`"policy":{"identityProvider":"entra","passwordAllowed":"yes","links":{}}},` +
	`"tried":[{"step":"try-other-method","result":"worked"},{"step":"delete-passkey-idp","result":"stuck"},{"step":"add-new-passkey","result":"stuck"}]}` +
	`{"v":1,"ref":"INC00","lang":"en","created":"2026-01-01T00:00:00Z","facts":{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",`
