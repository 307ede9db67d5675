-- The same credential in its VC-JOSE-COSE form (credentials module): a compact JWS (application/vc+jwt) of the
-- credential without its Data Integrity proof, signed by the same issuer key, stored as issued like the JSON form.
-- NULL for a credential issued before this form existed: it is signed on first request and stored then.
ALTER TABLE credential_awards ADD COLUMN jwt text;
