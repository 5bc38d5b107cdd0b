import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { HideInEmbed } from '@/components/hide-in-embed';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Voltrack: Europe’s battery-cell gigafactories', template: '%s · Voltrack' },
  description: 'Free, sourced tracker of Europe’s battery-cell manufacturing capacity: every gigafactory, its owner, capacity now and announced for 2030.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <HideInEmbed>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">Voltrack</Link>
            <span className="tagline">Europe’s battery-cell gigafactories, sourced and open</span>
            <nav aria-label="Main" className="main-nav">
              <Link href="/">Dashboard</Link>
              <Link href="/regions">Regions</Link>
              <Link href="/plants">Plants</Link>
              <Link href="/companies">Companies</Link>
              <Link href="/offtakes">Contracts</Link>
              <Link href="/compare">Compare</Link>
              <Link href="/methodology">Methodology</Link>
              <Link href="/data">Data</Link>
              <Link href="/api">API</Link>
              <Link href="/admin">Admin</Link>
            </nav>
          </div>
        </header>
        </HideInEmbed>
        <main id="main">{children}</main>
        <HideInEmbed>
        <footer className="site-footer">
          <div className="inner">
            Data: curated from published sources; every figure carries its source and date. Licence CC BY 4.0.{' '}
            <Link href="/about">About Voltrack</Link>
          </div>
        </footer>
        </HideInEmbed>
      </body>
    </html>
  );
}
