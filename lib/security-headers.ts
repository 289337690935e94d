import { getEnv } from './env';

/** Headers every response carries (the CSP is built per request, with its nonce). */
export const securityHeaders: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Scripts run only with this request's nonce (Next.js stamps it on its own scripts);
 * 'strict-dynamic' lets those load their chunks. Development needs eval for fast refresh;
 * production never gets 'unsafe-eval'.
 */
export function buildContentSecurityPolicy(nonce: string | null): string {
  const dev = getEnv().isDevelopment;
  const scriptSrc = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc}`,
    // React sets style attributes; inline styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    // The service worker (/sw.js) and the web app manifest, from this origin only.
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    getEnv().isHttps ? 'upgrade-insecure-requests' : '',
  ]
    .filter(Boolean)
    .join('; ');
}
