// Next requires a root layout; the baseline's pages are route handlers and never render it.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
