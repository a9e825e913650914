# syntax=docker/dockerfile:1
#
# Passkey Doctor as a container: one static binary with every asset
# embedded, on a distroless base with no shell, run as a non-root user.
#
#   docker build -t passkey-doctor .
#   docker run --rm -p 8080:8080 \
#     -e PASSKEY_DOCTOR_SEALING_KEYS="1:$(openssl rand -base64 32)" passkey-doctor
#
# There is no HEALTHCHECK: it would need a shell or a second binary in the
# image. Orchestrators probe GET /healthz instead (see deploy/kubernetes).
# server/dockerfile_test.go runs this file's build stage outside Docker.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so a source change does not download them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# `make build` is the one recipe: the page (GOOS=js GOARCH=wasm, -trimpath
# -ldflags='-s -w'), its brotli and gzip twins (server/cmd/precompress), the
# toolchain's wasm_exec.js, then CGO_ENABLED=0 go build -trimpath
# -ldflags='-s -w' of the server into bin/passkey-doctor.
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    make build

# distroless/static: CA certificates, tzdata and /etc/passwd with nonroot
# (65532), nothing else. Pin it by digest in production.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/passkey-doctor /passkey-doctor
USER 65532:65532
ENV PASSKEY_DOCTOR_ADDR=:8080 \
    PASSKEY_DOCTOR_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/passkey-doctor"]
CMD ["serve"]
