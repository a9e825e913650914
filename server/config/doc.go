// Package config is the server's configuration: one explicit struct built
// in main from the embedded defaults (default.yaml), an optional YAML file
// (--config / PASSKEY_DOCTOR_CONFIG), environment overrides and flags, in
// that order. Validate reports every problem by field name and never
// changes the struct.
//
// example.yaml beside this file documents every field.
package config
