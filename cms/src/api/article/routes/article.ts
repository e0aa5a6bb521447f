import { factories } from '@strapi/strapi';

// Content is written in the admin; the content API only reads.
export default factories.createCoreRouter('api::article.article', { only: ['find', 'findOne'] });
