'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

// A client island only because marking the current section (aria-current)
// needs the pathname, which a layout — cached across pages — cannot know.

export interface NavLinkItem {
  href: string
  label: string
  /** true: current only on exactly this path; false: also on every path below it. */
  exact: boolean
}

export function NavLinks({ label, links }: { label: string; links: NavLinkItem[] }) {
  const pathname = usePathname()
  return (
    <nav aria-label={label} className="site-nav">
      <ul>
        {links.map((link) => {
          const isCurrent = link.exact
            ? pathname === link.href
            : pathname === link.href || pathname.startsWith(`${link.href}/`)
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={isCurrent ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
