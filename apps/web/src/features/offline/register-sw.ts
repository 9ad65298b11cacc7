// Registers the service worker (service-worker.js, built into /sw.js with the list of files it
// saves) that keeps the app and every screen's code available offline. Health data is never in its cache: that lives encrypted in IndexedDB (secure-store.ts).
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
