// Before the core router's /articles/:id, which would read "search" or "adjacent" as an id.
// Public like the news list: published articles only (src/search, src/adjacent.ts).
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/search',
      handler: 'article.search',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/articles/adjacent',
      handler: 'article.adjacent',
      config: { auth: false, policies: [] },
    },
  ],
};
