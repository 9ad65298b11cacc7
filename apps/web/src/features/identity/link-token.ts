/** Reads `#token=…` from an email link and removes it from the address bar (docs/api/identity.md: no secrets in URLs). */
export function takeLinkToken(): string | undefined {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;
  if (window.location.hash) history.replaceState(null, '', window.location.pathname);
  return token;
}
