// The hostile-input battery: the app's own route list (so new routes are covered without editing
// the test), and the malformed requests an outside tester throws at each of them.
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** Fastify's pattern, with `:param` and `*`. */
  pattern: string;
}

/**
 * Every method + path the app registered, read from `printRoutes({ commonPrefix: false })`: a tree
 * whose node names concatenate to the full path, four characters of indentation per level.
 */
export function registeredRoutes(app: FastifyInstance): RouteEntry[] {
  const out: RouteEntry[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (!line.trim()) continue;
    const start = line.search(/[^│├└─\s]/u);
    const depth = Math.floor(start / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(start))!;
    const path = (prefixes[depth - 1] ?? '') + m[1];
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of m[2]?.split(', ') ?? []) out.push({ method, pattern: path });
  }
  return out;
}

/** Route parts that come from the URL: `:param` and the `*` wildcard. */
export const slots = (pattern: string) => pattern.split('/').filter((p) => p.startsWith(':') || p === '*').length;

/** Hostile values for one path segment (already percent-encoded where they must be). */
export const HOSTILE_SEGMENTS: Record<string, string> = {
  long: 'a'.repeat(5000),
  'long-under-limit': 'b'.repeat(490),
  dotdot: '..%2F..%2F..%2Fetc%2Fpasswd',
  'dotdot-raw': '../../../../etc/passwd',
  nul: 'abc%00def',
  unicode: encodeURIComponent('ñandú-😀-\u202e-\u0000'),
  sql: encodeURIComponent("1' OR '1'='1'; DROP TABLE fhir_resource;--"),
  'bad-percent': '%E0%A4%A',
  'bad-utf8': '%ff%fe',
  empty: '',
  proto: '__proto__',
};

/** Query strings appended to a route's base path. */
export const HOSTILE_QUERIES: Record<string, string> = {
  repeated: 'a=1&a=2&a=3&_count=1&_count=2&count=1&count=x',
  huge: `q=${'x'.repeat(100_000)}`,
  'bad-percent-value': 'name=%E0%A4%A',
  'bad-percent-key': '%E0%A4%A=1',
  'bad-utf8': 'name=%ff%fe&email=%c0%af',
  nul: 'name=abc%00def&_id=%00',
  'proto-keys': '__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=x',
  sqlish: `name=${encodeURIComponent("x' OR 1=1--")}&_sort=${encodeURIComponent('name;DROP TABLE x')}`,
  'count-huge': '_count=99999999999999999999&count=99999999999999999999&_offset=-1&before=99999999999999999999',
  'count-negative': '_count=-5&count=-5&_offset=1e400',
  'count-float': '_count=1.5&count=1.5',
  'bad-dates': 'date=2024-13-45&_lastUpdated=gt99999-01-01&birthdate=ge0000-00-00&_since=not-a-date',
  'date-overflow': 'date=lt292278994-08-17&_lastUpdated=eq1970-01-01T25:61:61Z&authored=ap-infinity',
  'bad-numbers': 'value-quantity=gt1e999&length=NaN&probability=9999999999999999999999999999999999999',
  'bad-modifiers': 'name:nonsense=x&identifier:of-type=|||&_id:missing=maybe&code:below=%00',
  'bad-prefixes': 'date=xx2024&birthdate=gt&value-quantity=le|||',
  'bad-include': '_include=*&_revinclude=Observation:subject:*&_include=Nope:nope&_include:iterate=*:*',
  'bad-chain': 'subject:Patient.name.given.family=x&_has:Observation:patient:code:text=x&general-practitioner.organization.name=x',
  'bad-summary': '_summary=nope&_elements=__proto__,constructor&_total=maybe&_contained=all',
  'bad-sort': '_sort=-,,-nope,__proto__',
  'bad-format': '_format=xml',
  'bad-type': '_type=Patient,,,,Nope&_typeFilter=Nope%3Fx=y&_outputFormat=text%2Fcsv',
  'bad-token': 'code=%7C%7C%7C&identifier=a%7Cb%7Cc&gender=%00',
  'bad-reference': 'subject=Patient%2F..%2F..%2Fx&patient=https%3A%2F%2Fevil.example%2FPatient%2F1',
  'oauth-like': 'client_id=%00&redirect_uri=javascript:alert(1)&response_type=token&scope=%ff&state=' + 'x'.repeat(3000) + '&aud=x&code_challenge=x&code_challenge_method=plain',
  'locale-bad': 'locale=__proto__&ui_locales=' + 'x'.repeat(500),
};

export interface BodyCase {
  contentType?: string;
  payload?: string | Buffer;
}

const deep = (n: number, open: string, close: string, leaf = '1') => open.repeat(n) + leaf + close.repeat(n);

/** Bodies for methods that take one; JSON-ish ones are sent as the route family's JSON type. */
export function hostileBodies(jsonType: string): Record<string, BodyCase> {
  return {
    none: {},
    'empty-json': { contentType: jsonType, payload: '' },
    'invalid-json': { contentType: jsonType, payload: '{"email": "a@b.c", "password":' },
    'json-trailing-garbage': { contentType: jsonType, payload: '{}}{' },
    array: { contentType: jsonType, payload: '[1,2,3]' },
    string: { contentType: jsonType, payload: '"hello"' },
    number: { contentType: jsonType, payload: '42' },
    null: { contentType: jsonType, payload: 'null' },
    boolean: { contentType: jsonType, payload: 'true' },
    'deep-array': { contentType: jsonType, payload: deep(1000, '[', ']') },
    'deep-object': { contentType: jsonType, payload: deep(1000, '{"a":', '}', '{"resourceType":"Patient"}') },
    'deep-resource': { contentType: jsonType, payload: `{"resourceType":"Patient","extension":${deep(1000, '[{"url":"http://x","extension":', '}]', '[]')}}` },
    'huge-string': { contentType: jsonType, payload: JSON.stringify({ resourceType: 'Patient', email: 'x'.repeat(2 * 1024 * 1024), password: 'x', code: 'x', token: 'x' }) },
    'proto-pollution': {
      contentType: jsonType,
      payload: '{"__proto__":{"polluted":"yes","admin":true},"constructor":{"prototype":{"polluted":"yes"}},"resourceType":"Patient","email":"a@b.c","password":"x"}',
    },
    'wrong-types': {
      contentType: jsonType,
      payload: JSON.stringify({
        resourceType: 42, id: { x: 1 }, email: 123, password: ['x'], code: { a: 1 }, token: null, locale: [], response: 'x', clientId: 7, patientId: [],
        name: 'not-an-array', birthDate: '2024-13-45', meta: { lastUpdated: 'yesterday', versionId: {} }, type: 'transaction', entry: 'x', parameter: 5,
      }),
    },
    'fhir-bad-values': {
      contentType: jsonType,
      payload: JSON.stringify({
        resourceType: 'Observation', id: "x' OR 1=1", status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/../../x' },
        effectiveDateTime: '2024-02-30T25:00:00Z', valueQuantity: { value: 1e400 }, issued: '99999-01-01T00:00:00Z',
      }),
    },
    // Found by the /fhir fuzz: objects where primitives belong (one crashed indexing), an existing
    // id under conditional-update criteria that match nothing, a bad escape in one batch entry url.
    'fhir-object-for-primitive': {
      contentType: jsonType,
      payload: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: {}, coding: [{ code: [] }] }, subject: { reference: {} }, extension: [{ url: 'http://x', valueString: {} }] }),
    },
    'bundle-entry-faults': {
      contentType: jsonType,
      payload: JSON.stringify({
        resourceType: 'Bundle', type: 'batch',
        entry: [
          { request: { method: 'GET', url: 'Patient/%' } },
          { request: { method: 'PUT', url: 'Patient?identifier=urn:x|nobody' }, resource: { resourceType: 'Patient', id: 'hostile-existing' } },
          { request: { method: 'PUT', url: 'Patient?identifier=urn:x|nobody' }, resource: { resourceType: 'Patient', id: 'hostile-existing' } },
          { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', name: [{ family: 'x'.repeat(20_000) }] } },
        ],
      }),
    },
    'bundle-bad-entries': {
      contentType: jsonType,
      payload: JSON.stringify({
        resourceType: 'Bundle', type: 'transaction',
        entry: [null, 1, { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', birthDate: 'not-a-date' } }, { request: { method: 'NOPE', url: '../x' } }, { fullUrl: 'urn:uuid:x', request: { method: 'DELETE', url: 'Patient?name=%ff' } }],
      }),
    },
    'text-plain': { contentType: 'text/plain', payload: 'hello=world' },
    multipart: { contentType: 'multipart/form-data; boundary=XyZ', payload: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--XyZ--\r\n' },
    xml: { contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Patient>&e;</Patient>' },
    'fhir-xml': { contentType: 'application/fhir+xml', payload: '<Patient xmlns="http://hl7.org/fhir"/>' },
    form: { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&a=2&email=%ff&password=%E0%A4%A&__proto__[x]=1&grant_type=%00' },
    'json-bad-charset': { contentType: 'application/json; charset=utf-16', payload: '{}' },
    // {"email":"<0xff 0xfe>","password":"x"}: bytes that are not UTF-8
    'json-invalid-utf8': { contentType: jsonType, payload: Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","password":"x"}')]) },
    'no-type-with-body': { contentType: '', payload: '{"a":1}' },
  };
}

/** Response texts that would leak internals: stack frames, SQL, the database's own messages. */
export const LEAKS: [string, RegExp][] = [
  ['stack property', /"stack"\s*:/],
  ['stack frame', /\n\s+at \S+ \(|\bat [\w$.<>]+ \((?:file:|node:|\/)/],
  ['SQL', /\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b/],
  ['postgres', /postgres|pg_catalog|syntax error at or near|violates (?:not-null|check|foreign key|unique) constraint|invalid input syntax for type|relation "\w+"/i],
  ['node error codes', /ERR_[A-Z_]{6,}|TypeError|ReferenceError|RangeError: Maximum call stack/],
];

/** Headers that clients get wrong or attackers forge; each is sent alone. */
export const HOSTILE_HEADERS: Record<string, Record<string, string>> = {
  'if-match-bad': { 'if-match': 'W/"99999999999999999999999999"' },
  'if-match-sqlish': { 'if-match': `"1' OR '1'='1"` },
  'if-none-exist-bad': { 'if-none-exist': 'name=%ff&_id=%00&birthdate=2024-13-45' },
  'if-none-match': { 'if-none-match': 'W/"x", *' },
  'if-modified-since-bad': { 'if-modified-since': 'yesterday' },
  'prefer-huge': { prefer: `return=representation; handling=strict; respond-async; ${'x'.repeat(10_000)}` },
  'accept-xml': { accept: 'application/fhir+xml' },
  'accept-language-huge': { 'accept-language': `${'x-'.repeat(3000)};q=abc, *;q=-1` },
  'forwarded-garbage': { 'x-forwarded-for': 'not-an-ip, 999.1.1.1', 'x-forwarded-host': 'evil.example:99999', 'x-forwarded-proto': 'gopher' },
  'origin-null': { origin: 'null' },
  'long-cookie': { cookie: `portico_session=${'a'.repeat(4000)}; portico_smart_authz=${'b'.repeat(4000)}` },
  'basic-garbage': { authorization: 'Basic !!!not-base64!!!' },
  'basic-empty-parts': { authorization: `Basic ${Buffer.from(':').toString('base64')}` },
  'basic-huge': { authorization: `Basic ${Buffer.from(`${'c'.repeat(3000)}:${'s'.repeat(3000)}`).toString('base64')}` },
  'bearer-empty': { authorization: 'Bearer ' },
  'bearer-jwt-like': { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
  'other-scheme': { authorization: 'Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg' },
  'method-override': { 'x-http-method-override': 'DELETE' },
  'csrf-huge': { 'x-csrf-token': 'z'.repeat(10_000) },
};
