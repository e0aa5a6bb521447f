import { CERTIFICATE_LEVELS, contentTypeUids, PUBLIC_CONTENT_TYPES } from '@medee/contract';
import type { Core, UID } from '@strapi/strapi';

/**
 * Stops the start when the content types drifted from what the site expects (@medee/contract):
 * a public type missing, or the certificate's `level` enum edited in the admin's Content-Type
 * Builder without the contract. The site would otherwise fail on data it cannot map.
 */
export function checkContract(strapi: Core.Strapi): void {
  const problems: string[] = [];
  for (const uid of PUBLIC_CONTENT_TYPES) {
    if (!strapi.contentType(uid as UID.ContentType)) problems.push(`content type ${uid} is missing`);
  }
  const level = strapi.contentType(contentTypeUids.certificate)?.attributes.level as { enum?: string[] } | undefined;
  const levels = level?.enum ?? [];
  if (levels.join() !== CERTIFICATE_LEVELS.join()) {
    problems.push(`certificate.level is [${levels.join(', ')}], the contract says [${CERTIFICATE_LEVELS.join(', ')}]`);
  }
  if (problems.length > 0) {
    throw new Error(`The CMS schema does not match packages/contract: ${problems.join('; ')}`);
  }
}
