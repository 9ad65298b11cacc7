// Server-rendered sign-in, consent and error pages: plain HTML forms that work without scripts
// (the CSP allows no inline script anyway), labelled controls, one stylesheet from /auth/assets.
import { CONSENT_GROUPS } from './consent-catalogue.js';
import type { ConsentItem } from './consent.js';
import { texts, type Locale } from './i18n.js';

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="/auth/assets/smart.css"></head>
<body><main class="card"><h1>${esc(title)}</h1>
${body}
</main></body></html>`;
}

export function errorPage(locale: Locale, message: string): string {
  return layout(locale, texts[locale].errorTitle, `<p role="alert">${esc(message)}</p>`);
}

export interface LoginPageInput {
  locale: Locale;
  requestId: string;
  csrf: string;
  appName: string;
  email?: string;
  error?: string;
  askCode?: boolean;
}

export function loginPage(p: LoginPageInput): string {
  const t = texts[p.locale];
  const other: Locale = p.locale === 'en' ? 'es' : 'en';
  return layout(
    p.locale,
    t.signInTitle,
    `<p>${esc(t.signInIntro(p.appName))}</p>
${p.error ? `<p class="error" role="alert" id="login-error">${esc(p.error)}</p>` : ''}
<form method="post" action="/auth/interaction/${esc(p.requestId)}/login"${p.error ? ' aria-describedby="login-error"' : ''}>
<input type="hidden" name="csrf" value="${esc(p.csrf)}"><input type="hidden" name="locale" value="${p.locale}">
<label for="email">${esc(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(p.email ?? '')}">
<label for="password">${esc(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">${esc(t.totp)}</label>
<input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,8}"${p.askCode ? ' required autofocus' : ''}>
<button type="submit">${esc(t.signIn)}</button>
</form>
<p><a href="/auth/interaction/${esc(p.requestId)}?locale=${other}" lang="${other}">${esc(t.language)}</a></p>`,
  );
}

export interface ConsentPageInput {
  locale: Locale;
  requestId: string;
  csrf: string;
  appName: string;
  userName: string;
  patientName?: string;
  items: ConsentItem[];
  offlineRequested: boolean;
  onlineRequested: boolean;
  identityRequested: boolean;
}

export function consentPage(p: ConsentPageInput): string {
  const t = texts[p.locale];
  const other: Locale = p.locale === 'en' ? 'es' : 'en';
  const typeLabel = (type: string) => t.types[type] ?? type;
  const mode = (item: ConsentItem) => (item.write ? t.readWrite : t.readOnly);
  const row = (item: ConsentItem) => {
    if (item.categories) {
      const boxes = item.categories
        .map((c) => {
          const id = `c-${item.type}-${c.code}`.replace(/[^A-Za-z0-9_-]/g, '_');
          return `<div class="switch"><input type="checkbox" id="${esc(id)}" name="c" value="${esc(`${item.type}|${c.code}`)}" checked> <label for="${esc(id)}">${esc(t.categories[c.code] ?? c.code)}</label></div>`;
        })
        .join('\n');
      return `<fieldset><legend>${esc(typeLabel(item.type))} (${esc(mode(item))})</legend>\n${boxes}</fieldset>`;
    }
    const id = `t-${item.type}`;
    return `<div class="switch"><input type="checkbox" id="${id}" name="t" value="${esc(item.type)}" checked> <label for="${id}">${esc(typeLabel(item.type))} (${esc(mode(item))})</label></div>`;
  };
  // Grouped under plain headings (consent-catalogue.ts), so a long list of switches stays readable.
  const rows = CONSENT_GROUPS.map((group) => {
    const inGroup = p.items.filter((item) => group.types.includes(item.type));
    return inGroup.length ? `<h3>${esc(t.groups[group.key])}</h3>\n${inGroup.map(row).join('\n')}` : '';
  })
    .filter(Boolean)
    .join('\n');
  return layout(
    p.locale,
    t.consentTitle(p.appName),
    `<p>${esc(t.consentIntro(p.appName, p.userName))}</p>
${p.patientName ? `<p>${esc(t.forPatient(p.patientName))}</p>` : ''}
<form method="post" action="/auth/interaction/${esc(p.requestId)}/consent">
<input type="hidden" name="csrf" value="${esc(p.csrf)}"><input type="hidden" name="locale" value="${p.locale}">
<h2>${esc(t.whatItAsks)}</h2>
${rows || ''}
${p.items.length ? `<p class="hint">${esc(t.nothingChosen)}</p>` : ''}
${p.identityRequested ? `<p>${esc(t.identity)}</p>` : ''}
<h2>${esc(t.offlineTitle)}</h2>
${awayText(p)}
<div class="actions"><button type="submit" name="decision" value="allow">${esc(t.allow)}</button>
<button type="submit" name="decision" value="deny" class="secondary">${esc(t.deny)}</button></div>
</form>
<p><a href="/auth/interaction/${esc(p.requestId)}?locale=${other}" lang="${other}">${esc(t.language)}</a></p>`,
  );
}

/** Says plainly whether the app keeps access while the person is away, and lets them refuse it. */
function awayText(p: ConsentPageInput): string {
  const t = texts[p.locale];
  const online = p.onlineRequested ? t.onlineAccess : t.onlineOnly;
  if (!p.offlineRequested) return `<p>${esc(online)}</p>`;
  return `<p><strong>${esc(t.offlineAsk)}</strong></p><div class="switch"><input type="checkbox" id="offline" name="offline" value="yes" checked aria-describedby="offline-off"> <label for="offline">${esc(t.offlineSwitch)}</label></div>
<p class="hint" id="offline-off">${esc(t.offlineOff)} ${esc(online)}</p>`;
}

export const STYLESHEET = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1b1f23;margin:0;padding:1rem;line-height:1.5}
.card{max-width:36rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}h3{font-size:1rem;margin:1rem 0 .25rem}label{display:inline-block;margin-top:.5rem}
input[type=email],input[type=password],input[inputmode]{display:block;width:100%;padding:.5rem;font-size:1rem;border:1px solid #6a737d;border-radius:4px;box-sizing:border-box}
fieldset{border:1px solid #d1d5da;border-radius:4px;margin:.75rem 0}legend{font-weight:600}
.switch{margin:.25rem 0}.switch input{width:1.2rem;height:1.2rem;vertical-align:middle}
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;border-radius:4px;border:2px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}.actions{display:flex;gap:1rem;flex-wrap:wrap}
.error{color:#a4002a;font-weight:600}.hint{color:#444}:focus-visible{outline:3px solid #f5a623;outline-offset:2px}`;
