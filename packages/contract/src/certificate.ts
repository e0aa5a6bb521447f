/** A certificate's level (the `level` enum of the CMS's certificate type; cms/src/contract-check.ts keeps them equal). */
export const CERTIFICATE_LEVELS = ['municipal', 'provincial', 'national'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];
