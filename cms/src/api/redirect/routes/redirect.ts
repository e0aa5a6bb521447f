// Redirects are written in the admin only. The site asks one question, for a path it would
// otherwise answer 404: where does it lead now? Public like the pages themselves: a reader
// learns the same from the redirect's Location header.
export default {
  routes: [
    {
      method: 'GET',
      path: '/redirects/resolve',
      handler: 'redirect.resolve',
      config: { auth: false, policies: [] },
    },
  ],
};
