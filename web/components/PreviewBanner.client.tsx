'use client';

import { usePathname } from 'next/navigation';

// Shown on every page during a preview session (lib/preview/session.ts). A client island only because the
// exit link returns to the current page, which the layout cannot know.

export function PreviewBanner({ message, exitLabel }: { message: string; exitLabel: string }) {
  const pathname = usePathname();
  return (
    <div className="preview-banner" role="status">
      <p>{message}</p>
      {/* A plain link, not <Link>: a prefetch must not leave draft mode. */}
      <a href={`/api/preview/exit?to=${encodeURIComponent(pathname)}`} className="preview-banner__exit">
        {exitLabel}
      </a>
    </div>
  );
}
