package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/passkey-doctor/passkey-doctor/server/config"
)

// The Kubernetes manifests cannot be applied here (no cluster), so these
// tests hold them to what the README promises. `kubectl kustomize
// deploy/kubernetes` renders them offline.

type k8sDeployment struct {
	Spec struct {
		Replicas int `yaml:"replicas"`
		Template struct {
			Spec struct {
				AutomountServiceAccountToken  *bool `yaml:"automountServiceAccountToken"`
				TerminationGracePeriodSeconds int   `yaml:"terminationGracePeriodSeconds"`
				SecurityContext               struct {
					RunAsNonRoot *bool `yaml:"runAsNonRoot"`
					RunAsUser    int   `yaml:"runAsUser"`
				} `yaml:"securityContext"`
				Containers []k8sContainer `yaml:"containers"`
				Volumes    []struct {
					Name      string `yaml:"name"`
					ConfigMap struct {
						Name string `yaml:"name"`
					} `yaml:"configMap"`
				} `yaml:"volumes"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type k8sProbe struct {
	HTTPGet struct {
		Path string `yaml:"path"`
		Port string `yaml:"port"`
	} `yaml:"httpGet"`
	PeriodSeconds    int `yaml:"periodSeconds"`
	FailureThreshold int `yaml:"failureThreshold"`
}

type k8sContainer struct {
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env []struct {
		Name      string `yaml:"name"`
		Value     string `yaml:"value"`
		ValueFrom *struct {
			SecretKeyRef *struct {
				Name string `yaml:"name"`
				Key  string `yaml:"key"`
			} `yaml:"secretKeyRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	ReadinessProbe  *k8sProbe `yaml:"readinessProbe"`
	LivenessProbe   *k8sProbe `yaml:"livenessProbe"`
	SecurityContext struct {
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
		ReadOnlyRootFilesystem   *bool `yaml:"readOnlyRootFilesystem"`
		Capabilities             struct {
			Drop []string `yaml:"drop"`
		} `yaml:"capabilities"`
	} `yaml:"securityContext"`
	Resources struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
	VolumeMounts []struct {
		Name      string `yaml:"name"`
		MountPath string `yaml:"mountPath"`
		ReadOnly  bool   `yaml:"readOnly"`
	} `yaml:"volumeMounts"`
}

func readManifest(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "deploy", "kubernetes", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestDeploymentIsWhatTheREADMEPromises(t *testing.T) {
	var d k8sDeployment
	readManifest(t, "deployment.yaml", &d)
	pod := d.Spec.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	env := map[string]string{}
	for _, e := range c.Env {
		env[e.Name] = e.Value
		if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
			env[e.Name] = "secret:" + e.ValueFrom.SecretKeyRef.Name + "/" + e.ValueFrom.SecretKeyRef.Key
		}
	}
	configDir := ""
	for _, m := range c.VolumeMounts {
		if m.Name == "config" && m.ReadOnly {
			configDir = m.MountPath
		}
	}
	isTrue := func(b *bool) bool { return b != nil && *b }
	checks := []struct {
		name string
		ok   bool
	}{
		{"three replicas", d.Spec.Replicas == 3},
		{"readiness probe on /healthz", c.ReadinessProbe != nil && c.ReadinessProbe.HTTPGet.Path == "/healthz"},
		{"liveness probe on /healthz", c.LivenessProbe != nil && c.LivenessProbe.HTTPGet.Path == "/healthz"},
		{"liveness outlasts a drain (its failures span the termination grace period)", c.LivenessProbe != nil &&
			pod.TerminationGracePeriodSeconds > 0 &&
			c.LivenessProbe.PeriodSeconds*c.LivenessProbe.FailureThreshold > pod.TerminationGracePeriodSeconds},
		{"port 8080 named http", len(c.Ports) == 1 && c.Ports[0].ContainerPort == 8080 && c.Ports[0].Name == "http"},
		{"sealing keys from the Secret", env["PASSKEY_DOCTOR_SEALING_KEYS"] == "secret:passkey-doctor-sealing/PASSKEY_DOCTOR_SEALING_KEYS"},
		{"config file from the mounted ConfigMap", configDir != "" && env["PASSKEY_DOCTOR_CONFIG"] == configDir+"/config.yaml" &&
			len(pod.Volumes) == 1 && pod.Volumes[0].ConfigMap.Name == "passkey-doctor-config"},
		{"pod runs as non-root", isTrue(pod.SecurityContext.RunAsNonRoot) && pod.SecurityContext.RunAsUser != 0},
		{"read-only root file system", isTrue(c.SecurityContext.ReadOnlyRootFilesystem)},
		{"no privilege escalation", c.SecurityContext.AllowPrivilegeEscalation != nil && !*c.SecurityContext.AllowPrivilegeEscalation},
		{"every capability dropped", slices.Equal(c.SecurityContext.Capabilities.Drop, []string{"ALL"})},
		{"no service account token", pod.AutomountServiceAccountToken != nil && !*pod.AutomountServiceAccountToken},
		{"requests and limits for cpu and memory", c.Resources.Requests["cpu"] != "" && c.Resources.Requests["memory"] != "" &&
			c.Resources.Limits["cpu"] != "" && c.Resources.Limits["memory"] != ""},
	}
	for _, ck := range checks {
		if !ck.ok {
			t.Errorf("deployment.yaml: want %s", ck.name)
		}
	}
}

func TestConfigMapHoldsAValidConfigWithJSONLogsAndNoKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(configMapFile(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("the ConfigMap's config is invalid:\n%v", err)
	}
	if cfg.Server.LogFormat != "json" {
		t.Errorf("server.logFormat = %q, want json in production", cfg.Server.LogFormat)
	}
	if len(cfg.Sealing.Keys) != 0 {
		t.Error("the ConfigMap carries sealing keys; they belong in the Secret")
	}
}

func TestSecretExampleCannotBeUsedAsItIs(t *testing.T) {
	var s struct {
		StringData map[string]string `yaml:"stringData"`
	}
	readManifest(t, "secret.example.yaml", &s)
	v, ok := s.StringData["PASSKEY_DOCTOR_SEALING_KEYS"]
	if !ok {
		t.Fatal("secret.example.yaml has no PASSKEY_DOCTOR_SEALING_KEYS")
	}
	cfg := config.Default()
	cfg.Sealing.Keys = []string{v}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "sealing.keys[0]") {
		t.Errorf("the placeholder key validates (%v); it must not", err)
	}
	var k struct {
		Resources []string `yaml:"resources"`
	}
	readManifest(t, "kustomization.yaml", &k)
	if slices.Contains(k.Resources, "secret.example.yaml") {
		t.Error("kustomization.yaml applies the example Secret")
	}
}
