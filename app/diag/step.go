package diag

// StepCode names one remediation step. Codes are stable; each has wording
// in app/catalog.
type StepCode string

// The steps, in the order a person should take them. The order follows the
// recovery flow: verify the account type and device support, try another
// sign-in method once, delete orphaned passkeys on the identity provider and
// on the device, add a fresh passkey, recreate one made in the wrong Android
// profile, and know when only the admin or IT can help.
const (
	StepOpenInBrowser            StepCode = "open-in-browser"
	StepOpenInNewTab             StepCode = "open-in-new-tab"
	StepUseSupportedBrowser      StepCode = "use-supported-browser"
	StepUpdateBrowser            StepCode = "update-browser"
	StepUpdateOS                 StepCode = "update-os"
	StepConfirmOSVersion         StepCode = "confirm-os-version"
	StepCheckAccountType         StepCode = "check-account-type"
	StepSetUpScreenLock          StepCode = "set-up-screen-lock"
	StepFocusAndRetry            StepCode = "focus-and-retry"
	StepReloadPage               StepCode = "reload-page"
	StepCheckConnection          StepCode = "check-connection"
	StepCheckNetworkInspection   StepCode = "check-network-inspection"
	StepRetryAndFinishPrompt     StepCode = "retry-and-finish-prompt"
	StepReconnectAuthenticator   StepCode = "reconnect-authenticator"
	StepTryOtherMethod           StepCode = "try-other-method"
	StepDeletePasskeyIdP         StepCode = "delete-passkey-idp"
	StepDeletePasskeyWindows     StepCode = "delete-passkey-windows"
	StepDeletePasskeyApple       StepCode = "delete-passkey-apple"
	StepDeletePasskeyGoogle      StepCode = "delete-passkey-google"
	StepDeletePasskeyAuthApp     StepCode = "delete-passkey-authenticator"
	StepDeletePasskeySecurityKey StepCode = "delete-passkey-security-key"
	StepAddNewPasskey            StepCode = "add-new-passkey"
	StepRecreateInWorkProfile    StepCode = "recreate-in-work-profile"
	StepUseSecurityKeyOrPhone    StepCode = "use-security-key-or-phone"
	StepUseExistingPasskey       StepCode = "use-existing-passkey"
	StepPersonalAccountHelp      StepCode = "personal-account-help"
	StepAdminOnlyPolicy          StepCode = "admin-only-policy"
	StepContactIT                StepCode = "contact-it"
	StepSetSecurityKeyPIN        StepCode = "set-security-key-pin"
)

// Steps lists every step code in order, for catalogues and tests.
func Steps() []StepCode {
	return []StepCode{
		StepOpenInBrowser, StepOpenInNewTab, StepUseSupportedBrowser, StepUpdateBrowser,
		StepUpdateOS, StepConfirmOSVersion, StepCheckAccountType, StepSetUpScreenLock, StepSetSecurityKeyPIN,
		StepFocusAndRetry, StepReloadPage, StepCheckConnection, StepCheckNetworkInspection,
		StepRetryAndFinishPrompt, StepReconnectAuthenticator, StepTryOtherMethod,
		StepDeletePasskeyIdP, StepDeletePasskeyWindows, StepDeletePasskeyApple,
		StepDeletePasskeyGoogle, StepDeletePasskeyAuthApp, StepDeletePasskeySecurityKey,
		StepAddNewPasskey, StepRecreateInWorkProfile, StepUseSecurityKeyOrPhone,
		StepUseExistingPasskey, StepPersonalAccountHelp, StepAdminOnlyPolicy, StepContactIT,
	}
}

// Step is one remediation step. Params fill the catalogue text: url (a link
// from policy), app (the in-app browser's app), os, minimum.
type Step struct {
	Code   StepCode          `json:"code"`
	Params map[string]string `json:"params,omitempty"`
}

// findingSteps are the steps each finding calls for; deleteOnDevice stands
// for the platform-specific places a passkey is deleted from.
var findingSteps = map[FindingCode][]StepCode{
	FindingInAppBrowser:                {StepOpenInBrowser},
	FindingWebAuthnUnavailable:         {StepUseSupportedBrowser, StepUpdateBrowser},
	FindingInsecureContext:             {StepContactIT},
	FindingFrameNotPermitted:           {StepOpenInNewTab},
	FindingOSUnsupported:               {StepUpdateOS, StepTryOtherMethod, StepUseSecurityKeyOrPhone},
	FindingBrowserUnsupported:          {StepUpdateBrowser, StepUseSupportedBrowser},
	FindingOSVersionUnknown:            {StepConfirmOSVersion},
	FindingAuthenticatorAppUnsupported: {StepUpdateOS},
	FindingNoPlatformAuthenticator:     {StepSetUpScreenLock},
	FindingSiteSetupProblem:            {StepContactIT},
	FindingTLSInterception:             {StepCheckNetworkInspection, StepContactIT},
	FindingPageNotFocused:              {StepFocusAndRetry},
	FindingPromptDismissed:             {StepRetryAndFinishPrompt},
	FindingNoPasskeyOnDevice:           {StepTryOtherMethod, StepUseSecurityKeyOrPhone, StepAddNewPasskey},
	FindingScreenLockMissing:           {StepSetUpScreenLock},
	FindingAuthenticatorUnsupported:    {StepUseSecurityKeyOrPhone, StepUpdateOS},
	FindingAlreadyRegistered:           {StepUseExistingPasskey},
	FindingInterrupted:                 {StepRetryAndFinishPrompt},
	FindingAuthenticatorError:          {StepReconnectAuthenticator, StepRetryAndFinishPrompt},
	FindingOrphanedPasskey:             {StepTryOtherMethod, StepDeletePasskeyIdP, deleteOnDevice, StepAddNewPasskey},
	FindingSecurityKeyNoPIN:            {StepSetSecurityKeyPIN},
	FindingVerificationFailed:          {StepDeletePasskeyIdP, deleteOnDevice, StepAddNewPasskey, StepContactIT},
	FindingSessionExpired:              {StepReloadPage},
	FindingServerUnreachable:           {StepCheckConnection, StepReloadPage},
	FindingUnclearRefusal:              {StepRetryAndFinishPrompt, StepTryOtherMethod},
	FindingUnknownFailure:              {StepRetryAndFinishPrompt, StepContactIT},
	FindingPersonalAccount:             {StepPersonalAccountHelp},
	FindingWrongAndroidProfile:         {StepRecreateInWorkProfile},
	FindingPasskeyProblemOnly:          {StepDeletePasskeyIdP, deleteOnDevice, StepAddNewPasskey},
	FindingPasswordlessEnforced:        {StepAdminOnlyPolicy},
	FindingContactIT:                   {StepContactIT},
	FindingAllTestsPassed:              nil,
}

// deleteOnDevice is a placeholder expanded by platform in plan.
const deleteOnDevice StepCode = "delete-on-device"

// onDevice is where a passkey lives on each platform and must be deleted.
// Source: ../shared/DESIGN.md recovery flow — delete the orphaned passkey on
// the device or authenticator too (Windows, Apple Passwords, Google Password
// Manager, Microsoft Authenticator, security keys).
func onDevice(id identity, kinds map[string]bool) []StepCode {
	var out []StepCode
	switch id.os {
	case OSWindows:
		out = append(out, StepDeletePasskeyWindows)
	case OSMacOS, OSIOS, OSIPadOS:
		out = append(out, StepDeletePasskeyApple)
	case OSAndroid, OSChromeOS:
		out = append(out, StepDeletePasskeyGoogle)
	}
	switch id.os {
	case OSIOS, OSIPadOS, OSAndroid:
		out = append(out, StepDeletePasskeyAuthApp)
	}
	if kinds[KindSecurityKey] {
		out = append(out, StepDeletePasskeySecurityKey)
	}
	if kinds[KindPhone] && id.os != OSIOS && id.os != OSIPadOS && id.os != OSAndroid {
		out = append(out, StepDeletePasskeyAuthApp)
	}
	return out
}
