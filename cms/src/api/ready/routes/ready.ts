// GET /api/ready: is this instance able to serve content? (GET /_health only says the process
// is up.) For load balancers and orchestration; public, and it tells nothing but yes or no.
export default {
  routes: [
    {
      method: 'GET',
      path: '/ready',
      handler: 'ready.check',
      config: { auth: false, policies: [] },
    },
  ],
};
