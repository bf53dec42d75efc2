import { generateKeyPair } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";

import forge from "node-forge";

export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const newKeyPair = promisify(generateKeyPair);

// Node's native RSA generation takes milliseconds where forge's takes seconds; forge only
// builds and signs the certificates.
async function keyPair() {
  const { publicKey, privateKey } = await newKeyPair("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey),
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    privatePem: privateKey,
  };
}

function certificate(publicKey: forge.pki.PublicKey, years: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 3600_000);
  return cert;
}

async function generate(hosts: string[]): Promise<TlsMaterial> {
  const [caKeys, serverKeys] = await Promise.all([keyPair(), keyPair()]);
  // Modelled on the VMCA root a vCenter appliance creates for itself.
  const caSubject = [
    { shortName: "CN", value: "CA" },
    { shortName: "C", value: "US" },
    { shortName: "ST", value: "California" },
    { shortName: "O", value: "vcsa.lab.local" },
    { shortName: "OU", value: "VMware Engineering" },
  ];
  const ca = certificate(caKeys.publicKey, 10);
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const server = certificate(serverKeys.publicKey, 2);
  server.setSubject([{ shortName: "CN", value: hosts[0] }, ...caSubject.slice(1, 4)]);
  server.setIssuer(caSubject);
  server.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: hosts.map((host) =>
        isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
      ),
    },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());
  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: serverKeys.privatePem,
  };
}

const cache = new Map<string, Promise<TlsMaterial>>();

/** A CA and a server certificate for loopback plus `host`; made once per process and host. */
export function tlsMaterial(host: string): Promise<TlsMaterial> {
  const hosts = [...new Set([host, "localhost", "127.0.0.1", "::1"])].filter(
    (h) => h !== "0.0.0.0" && h !== "::",
  );
  const key = hosts.join(",");
  let material = cache.get(key);
  if (!material) cache.set(key, (material = generate(hosts)));
  return material;
}
