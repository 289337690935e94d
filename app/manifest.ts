import type { MetadataRoute } from 'next';

/** The installable app: served at /manifest.webmanifest, which Next.js links from every page. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Rebound: interviews tracked, misses recovered',
    short_name: 'Rebound',
    description: 'Track your interviews, get reminded before they go wrong, and recover with grace when one does.',
    start_url: '/dashboard',
    scope: '/',
    display: 'standalone',
    // brand-600 and white, as in app/globals.css.
    theme_color: '#2358d8',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
