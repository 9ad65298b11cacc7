import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInternalAddress, publicOnlyLookup } from '../../src/smart/jwks-fetch.js';

describe('JWKS fetch: no way into the server network', () => {
  it('calls loopback, private, shared, link-local, mapped and multicast addresses internal', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      assert.equal(isInternalAddress(a), true, a);
    }
  });

  it('lets public addresses through', () => {
    for (const a of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2606:4700::1111']) assert.equal(isInternalAddress(a), false, a);
  });

  it('refuses a host name whose DNS answer is internal, as a rebinding name would be', async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    assert.equal(err?.code, 'EINTERNAL');
  });
});
