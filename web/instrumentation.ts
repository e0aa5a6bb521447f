// Runs once when the server starts (`next start`, the standalone server of `npm start` and the
// image), before it serves a request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installRequestScreen } = await import('./lib/security/request-screen');
  installRequestScreen();
}
