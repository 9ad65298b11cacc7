// Registers the hand-written service worker (public/sw.js) that keeps the app shell available
// offline. Health data is never in its cache: that lives encrypted in IndexedDB (secure-store.ts).
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
