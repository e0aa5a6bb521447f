import type { Core } from '@strapi/strapi';
import { checkContract } from '../src/contract-check';
import articleSchema from '../src/api/article/content-types/article/schema.json';
import categorySchema from '../src/api/category/content-types/category/schema.json';
import certificateSchema from '../src/api/certificate/content-types/certificate/schema.json';
import globalSchema from '../src/api/global/content-types/global/schema.json';

// The check that stops the CMS start when its schemas drift from @medee/contract, run on the
// schema files as they are and on a copy edited as the Content-Type Builder would.

type Schema = { attributes: Record<string, unknown> };
const schemas: Record<string, Schema> = {
  'api::article.article': articleSchema,
  'api::category.category': categorySchema,
  'api::certificate.certificate': certificateSchema,
  'api::global.global': globalSchema,
};
const strapiWith = (types: Record<string, Schema>) =>
  ({ contentType: (uid: string) => types[uid] }) as unknown as Core.Strapi;

describe('checkContract', () => {
  it('accepts the schemas as they are', () => {
    expect(() => checkContract(strapiWith(schemas))).not.toThrow();
  });

  it('stops the start when the certificate levels drift from the contract', () => {
    const drifted = structuredClone(certificateSchema) as Schema & { attributes: { level: { enum: string[] } } };
    drifted.attributes.level.enum = ['municipal', 'provincial', 'national', 'international'];
    expect(() => checkContract(strapiWith({ ...schemas, 'api::certificate.certificate': drifted }))).toThrow(
      /certificate\.level is \[municipal, provincial, national, international\]/,
    );
  });

  it('stops the start when a public content type is missing', () => {
    const { 'api::global.global': _, ...withoutGlobal } = schemas;
    expect(() => checkContract(strapiWith(withoutGlobal))).toThrow(/api::global\.global is missing/);
  });
});
