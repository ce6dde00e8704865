#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes a throw-away CA, a server certificate for 127.0.0.1/localhost and a client certificate,
# laid out as the docker CLI expects (ca.pem, cert.pem, key.pem) — for the TLS integration tests.
#   tls-certs.sh DIR    → DIR/ca.pem DIR/server-cert.pem DIR/server-key.pem
#                         DIR/client/{ca,cert,key}.pem  DIR/other-ca/ca.pem (an unrelated CA)
set -euo pipefail
dir=${1:?usage: tls-certs.sh DIR}
[ -f "$dir/client/key.pem" ] && exit 0
mkdir -p "$dir/client" "$dir/other-ca"
cd "$dir"
subj() { printf '/CN=%s' "$1"; }
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "$(subj devdock-test-ca)" \
    -keyout ca-key.pem -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "$(subj localhost)" -keyout server-key.pem -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 \
    -extfile server.ext -out server-cert.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "$(subj devdock-client)" -keyout client/key.pem -out client.csr 2>/dev/null
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 \
    -extfile client.ext -out client/cert.pem 2>/dev/null
cp ca.pem client/ca.pem
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "$(subj unrelated-ca)" \
    -keyout other-ca/key.pem -out other-ca/ca.pem 2>/dev/null
chmod 600 ./*key.pem client/key.pem other-ca/key.pem
