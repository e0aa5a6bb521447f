// Strapi's guided tour (create a content type, an API token, deploy to Strapi Cloud) is for the
// developer setting up a project; editors cannot act on it and it covers the content manager.
// Its state lives in localStorage, read when the admin first renders: marking it skipped there
// before then is what the tour's own "Skip" does.
const STORAGE_KEY = 'STRAPI_GUIDED_TOUR';

export function skipGuidedTour(): void {
  let stored: Record<string, unknown> | null = null;
  try {
    stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    // Unreadable state: replaced below, as Strapi itself would.
  }
  if (stored?.enabled === false) return;
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...stored, enabled: false }));
}
