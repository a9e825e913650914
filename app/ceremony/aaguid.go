package ceremony

import (
	"encoding/hex"
	"strings"
)

// ZeroAAGUID is what an authenticator or browser reports when it withholds
// the model: iCloud Keychain in Safari usually, and some browsers for
// security keys when attestation is "none".
//
// Source: https://developer.apple.com/forums/thread/726208
const ZeroAAGUID = "00000000-0000-0000-0000-000000000000"

// FormatAAGUID formats 16 bytes as a lowercase canonical UUID. Any other
// length formats as ZeroAAGUID, so a missing AAGUID reads as withheld.
func FormatAAGUID(b []byte) string {
	if len(b) != 16 {
		return ZeroAAGUID
	}
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// AuthenticatorName names a well-known authenticator model by its AAGUID
// (canonical form, any case), or returns "" for an unknown or withheld one.
// The name is for display: it proves nothing, since without attestation an
// authenticator can claim any AAGUID.
func AuthenticatorName(aaguid string) string {
	return knownAAGUIDs[strings.ToLower(aaguid)]
}

// knownAAGUIDs maps AAGUIDs to display names. Passkey providers first, then
// security keys by vendor.
//
// Source: the community list https://github.com/passkeydeveloper/passkey-authenticator-aaguids
// (aaguid.json) and, for security keys, the FIDO Metadata Service entries as
// mirrored in Microsoft Entra's list of attested FIDO2 keys.
var knownAAGUIDs = map[string]string{
	// Platform authenticators and passkey providers.
	"08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
	"9ddd1817-af5a-4672-a2b9-3e3dd95000a9": "Windows Hello",
	"6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
	"fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "iCloud Keychain",
	"dd4ec289-e01d-41c9-bb89-70fa845d4bf2": "iCloud Keychain (Managed)",
	"ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
	"adce0002-35bc-c60a-648b-0b25f1f05503": "Chrome on Mac",
	"b5397666-4885-aa6b-cebf-e52262a439a2": "Chromium Browser",
	"771b48fd-d3d4-4f74-9232-fc157ab0507a": "Edge on Mac",
	"90a3ccdf-635c-4729-a248-9b709135078f": "Microsoft Authenticator (iOS)",
	"de1e552d-db1d-4423-a619-566b625cdc84": "Microsoft Authenticator (Android)",
	"53414d53-554e-4700-0000-000000000000": "Samsung Pass",
	"bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
	"d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
	"531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
	"b84e4048-15dc-4dd0-8640-f4f60813c8af": "NordPass",
	"0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6": "Keeper",
	"f3809540-7f14-49c1-a8b3-8f813b225541": "Enpass",
	"50726f74-6f6e-5061-7373-50726f746f6e": "Proton Pass",
	"fdb141b2-5d84-443e-8a35-4698c205a502": "KeePassXC",
	"39a5647e-1853-446c-a1f6-a79bae9f5bc7": "IDmelon",

	// Yubico.
	"cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
	"ee882879-721c-4913-9775-3dfcce97072a": "YubiKey 5 Series",
	"19083c3d-8383-4b18-bc03-8f1c9ab2fd1b": "YubiKey 5 Series",
	"fa2b99dc-9e39-4257-8f92-4a30d23c4118": "YubiKey 5 Series with NFC",
	"2fc0579f-8113-47ea-b116-bb5a8db9202a": "YubiKey 5 Series with NFC",
	"a25342c0-3cdc-4414-8e46-f4807fca511c": "YubiKey 5 Series with NFC",
	"c5ef55ff-ad9a-4b9f-b580-adebafe026d0": "YubiKey 5 Series with Lightning",
	"a02167b9-ae71-4ac7-9a07-06432ebb6f1c": "YubiKey 5 Series with Lightning",
	"20ac7a17-c814-4833-93fe-539f0d5e3389": "YubiKey 5 Series (Enterprise Profile)",
	"1ac71f64-468d-4fe0-bef1-0e5f2f551f18": "YubiKey 5 Series with NFC (Enterprise Profile)",
	"73bb0cd4-e502-49b8-9c6f-b59445bf720b": "YubiKey 5 FIPS Series",
	"85203421-48f9-4355-9bc8-8a53846e5083": "YubiKey 5 FIPS Series with Lightning",
	"d8522d9f-575b-4866-88a9-ba99fa02f35b": "YubiKey Bio Series",
	"dd86a2da-86a0-4cbe-b462-4bd31f57bc6f": "YubiKey Bio FIDO Edition",
	"7d1351a6-e097-4852-b8bf-c9ac5c9ce4a3": "YubiKey Bio Series - Multi-protocol Edition",
	"90636e1f-ef82-43bf-bdcf-5255f139d12f": "YubiKey Bio Series - Multi-protocol Edition",
	"149a2021-8ef6-4133-96b8-81f8d5b7f1f5": "Security Key by Yubico with NFC",
	"6d44ba9b-f6ec-2e49-b930-0c8fe920cb73": "Security Key by Yubico with NFC",
	"b92c3f9a-c014-4056-887f-140a2501163b": "Security Key by Yubico",
	"f8a011f3-8c0a-4d15-8006-17111f9edc7d": "Security Key by Yubico",
	"a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa": "Security Key NFC by Yubico",
	"e77e3c64-05e3-428b-8824-0cbeb04b829d": "Security Key NFC by Yubico",
	"0bb43545-fd2c-4185-87dd-feb0b2916ace": "Security Key NFC by Yubico - Enterprise Edition",
	"47ab2fb4-66ac-4184-9ae1-86be814012d5": "Security Key NFC by Yubico - Enterprise Edition",

	// Feitian.
	"77010bd7-212a-4fc9-b236-d2ca5e9d4084": "Feitian BioPass FIDO2",
	"b6ede29c-3772-412c-8a78-539c1f4c62d2": "Feitian BioPass FIDO2 Plus",
	"4c0cf95d-2f40-43b5-ba42-4c83a11c04ba": "Feitian BioPass FIDO2 Pro",
	"833b721a-ff5f-4d00-bb2e-bdda3ec01e29": "Feitian ePass FIDO2",
	"ee041bce-25e5-4cdb-8f86-897fd6418464": "Feitian ePass FIDO2-NFC",
	"234cd403-35a2-4cc2-8015-77ea280c77f5": "Feitian ePass FIDO2-NFC Series",
	"260e3021-482d-442d-838c-7edfbe153b7e": "Feitian ePass FIDO2-NFC Plus",
	"12ded745-4bed-47d4-abaa-e713f51d6393": "Feitian AllinOne FIDO2",
	"2c0df832-92de-4be1-8412-88a8f074df4a": "Feitian FIDO Smart Card",
	"3e22415d-7fdf-4ea4-8a0c-dd60c4249b9d": "Feitian iePass FIDO",

	// Other security keys common in workplaces.
	"42b4fb4a-2866-43b2-9bf7-6c6669c2e5d3": "Google Titan Security Key v2",
	"692db549-7ae5-44d5-a1e5-dd20a493b723": "HID Crescendo Key",
	"2d3bec26-15ee-4f5d-88b2-53622490270b": "HID Crescendo Key V2",
	"aeb6569c-f8fb-4950-ac60-24ca2bbe2e52": "HID Crescendo C2300",
	"c80dbd9a-533f-4a17-b941-1a2f1c7cedff": "HID Crescendo C3000",
	"74820b05-a6c9-40f9-8fb0-9f86aca93998": "SafeNet eToken Fusion",
	"23786452-f02d-4344-87ed-aaf703726881": "SafeNet eToken Fusion CC",
	"efb96b10-a9ee-4b6c-a4a9-d32125ccd4a4": "SafeNet eToken FIDO",
	"2194b428-9397-4046-8f39-007a1605a482": "Thales IDPrime 931 FIDO",
	"2ffd6452-01da-471f-821b-ea4bf6c8676a": "Thales IDPrime 941 FIDO",
	"4d41190c-7beb-4a84-8018-adf265a6352d": "Thales IDPrime FIDO Bio",
	"931327dd-c89b-406c-a81e-ed7058ef36c6": "Swissbit iShield Key FIDO2",
	"ab32f0c6-2239-afbb-c470-d2ef4e254db7": "TOKEN2 FIDO2 Security Key",
	"3789da91-f943-46bc-95c3-50ea2012f03a": "NEOWAVE Winkeo FIDO2",
	"d94a29d9-52dd-4247-9c2d-8b818b610389": "VeriMark Guard Fingerprint Key",
}
