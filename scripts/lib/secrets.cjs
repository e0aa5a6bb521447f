// Random secrets for development and tests. Production secrets come from the deployment.
'use strict';

const crypto = require('node:crypto');

const randomKey = (bytes = 32) => crypto.randomBytes(bytes).toString('base64');

/** Every secret the CMS config requires (cms/src/env/secrets.ts), freshly generated. */
function generateCmsSecrets() {
  return {
    APP_KEYS: [randomKey(), randomKey(), randomKey(), randomKey()].join(','),
    API_TOKEN_SALT: randomKey(),
    ADMIN_JWT_SECRET: randomKey(),
    TRANSFER_TOKEN_SALT: randomKey(),
    JWT_SECRET: randomKey(),
    ENCRYPTION_KEY: randomKey(),
  };
}

/** A password that satisfies Strapi's admin policy (8+ chars, upper, lower, digit). */
function generateAdminPassword() {
  return `Medee-${crypto.randomBytes(9).toString('base64url')}-7a`;
}

/** The key of the site's read-only API token (hex, like Strapi's own keys). */
function generateApiTokenKey() {
  return crypto.randomBytes(48).toString('hex');
}

/** Secrets the CMS shares with the site: revalidation webhook, preview links, draft-reading token. */
function generateSiteSecrets() {
  return { revalidateSecret: randomKey(), previewSecret: randomKey(), previewToken: generateApiTokenKey() };
}

module.exports = { generateCmsSecrets, generateAdminPassword, generateApiTokenKey, generateSiteSecrets };
