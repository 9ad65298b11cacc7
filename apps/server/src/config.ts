// The one place that reads process.env (house style: config is parsed once and passed down).
import { resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/[^\\s]*)?$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  PORTICO_DEMO: Type.Boolean({ default: true }),
  PORTICO_SQL_DEBUG: Type.Boolean({ default: false }),
  PORTICO_SECRET_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/=_-]{43,}$' })),
  /** Key rotation: comma-separated `kid:base64key` entries, the current key first. */
  PORTICO_SECRET_KEYS: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/=_:.,-]{43,}$' })),
  /** Create the demo sign-in accounts even when PUBLIC_URL is not localhost. */
  PORTICO_DEMO_ACCOUNTS_ANY_HOST: Type.Boolean({ default: false }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 720, default: 15 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  /** Longest one database statement of a request may run before PostgreSQL stops it (0: no limit). */
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 15_000 }),
  /** FHIR API requests one client (a user, an app for one user, an operator token) may have in flight on one node. */
  FHIR_CONCURRENT_REQUESTS_PER_CLIENT: Type.Integer({ minimum: 1, maximum: 1000, default: 16 }),
  /** A lab result is "new" for this many days after its release, until the patient opens it. */
  NEW_RESULT_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  /**
   * Which peers may set X-Forwarded-For/-Proto/-Host: `loopback` (a proxy on the same host), other
   * proxy-addr names or comma-separated addresses/CIDRs, or `none`. Trusting every
   * peer would let any client choose its own address and walk around the per-IP sign-in throttle.
   */
  TRUST_PROXY: Type.String({ pattern: '^[A-Za-z0-9.:/, ]{1,500}$', default: 'loopback' }),
});

export type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** Base URL of the FHIR API, e.g. http://localhost:3000/fhir */
  fhirBaseUrl: string;
  databaseUrl?: string;
  dataDir: string;
  smtpUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  demo: boolean;
  sqlDebug: boolean;
  secretKey?: string;
  secretKeys?: string;
  demoAccountsAnyHost: boolean;
  sessionIdleMinutes: number;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  fhirConcurrentRequestsPerClient: number;
  /** Days after its release that an unopened lab result is "new" (Home, Test results). */
  newResultDays: number;
  /** Fastify's trustProxy: proxy-addr names, addresses or CIDRs; false trusts no proxy. */
  trustProxy: string | false;
}

export class ConfigError extends Error {}

const booleanWords: Record<string, boolean> = { '1': true, true: true, yes: true, on: true, '0': false, false: false, no: false, off: false };

/** Parses environment variables (and `--no-demo`) into a Config, or throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = []): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(EnvSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    const kind = (schema as { type?: string }).type;
    if (kind === 'integer') raw[key] = /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    else if (kind === 'boolean') raw[key] = booleanWords[value.trim().toLowerCase()] ?? value;
    else raw[key] = value.trim();
  }
  if (argv.includes('--no-demo')) raw.PORTICO_DEMO = false;
  const withDefaults = Value.Default(EnvSchema, raw);
  const firstError = Value.Errors(EnvSchema, withDefaults).First();
  if (firstError) {
    const name = firstError.path.replace(/^\//, '') || 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${firstError.message} (got ${JSON.stringify(env[name] ?? null)})`);
  }
  const parsed = withDefaults as Env;
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '');
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    publicUrl,
    fhirBaseUrl: `${publicUrl}/fhir`,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: resolve(parsed.DATA_DIR),
    smtpUrl: parsed.SMTP_URL,
    logLevel: parsed.LOG_LEVEL,
    demo: parsed.PORTICO_DEMO,
    sqlDebug: parsed.PORTICO_SQL_DEBUG,
    secretKey: parsed.PORTICO_SECRET_KEY,
    secretKeys: parsed.PORTICO_SECRET_KEYS,
    demoAccountsAnyHost: parsed.PORTICO_DEMO_ACCOUNTS_ANY_HOST,
    sessionIdleMinutes: parsed.SESSION_IDLE_MINUTES,
    dbPoolSize: parsed.DB_POOL_SIZE,
    dbStatementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT_MS,
    fhirConcurrentRequestsPerClient: parsed.FHIR_CONCURRENT_REQUESTS_PER_CLIENT,
    newResultDays: parsed.NEW_RESULT_DAYS,
    trustProxy: parsed.TRUST_PROXY === 'none' ? false : parsed.TRUST_PROXY,
  };
}
