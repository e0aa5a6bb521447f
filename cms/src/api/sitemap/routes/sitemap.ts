// The site's sitemap reads (cms/src/sitemap): counts, one locale's batch ends, then keyset
// batches of published documents. Public like the pages they list: published slugs and dates only.
export default {
  routes: [
    {
      method: 'GET',
      path: '/sitemap',
      handler: 'sitemap.summary',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/sitemap/ends',
      handler: 'sitemap.ends',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/sitemap/documents',
      handler: 'sitemap.documents',
      config: { auth: false, policies: [] },
    },
  ],
};
