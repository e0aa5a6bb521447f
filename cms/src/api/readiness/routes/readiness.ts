// GET /api/ready: the readiness probe of every CMS instance (Docker healthcheck, the cluster
// script, load balancers). Unlike /_health, which answers as soon as the HTTP server runs, it
// answers 200 only while the database answers a query, and 503 otherwise.
export default {
  routes: [
    {
      method: 'GET',
      path: '/ready',
      handler: 'readiness.check',
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
};
