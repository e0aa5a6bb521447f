// Before the core router's /articles/:id, which would read "search" as an id. Public like the
// news list: published articles only (src/search).
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/search',
      handler: 'article.search',
      config: { auth: false, policies: [] },
    },
  ],
};
