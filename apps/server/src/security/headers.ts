// Strict response headers for every route (OWASP Secure Headers): a CSP with no inline scripts,
// no framing, HSTS, no referrer (so URLs never leak to other sites), and browser features off
// except passkeys.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const PERMISSIONS_POLICY = [
  'accelerometer=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()', 'magnetometer=()',
  'microphone=()', 'payment=()', 'usb=()', 'interest-cohort=()',
  'publickey-credentials-create=(self)', 'publickey-credentials-get=(self)',
].join(', ');

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React sets style properties through the CSSOM, which CSP does not restrict; no inline <style>.
        styleSrc: ["'self'"],
        // data: for the TOTP QR code (an SVG data URL)
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // Health data and session state must not sit in shared or browser caches.
    if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
