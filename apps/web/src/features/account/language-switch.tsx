// Language choice: applied at once, remembered on this device (localStorage) and, when signed in,
// saved on the account (PUT /api/profile/locale) so emails and other devices use it too.
import { useId } from 'react';
import { LOCALES, useI18n, type Locale } from '../../i18n/index.js';
import { saveProfileLocale } from '../../fhir-client/identity.js';
import { useSession } from '../identity/session.js';

export function LanguageSwitch() {
  const { m, locale, setLocale } = useI18n();
  const { state } = useSession();
  const id = useId();
  const change = (l: Locale) => {
    setLocale(l);
    // Offline or failing, the choice still applies here; the next sign-in sends it again.
    if (state.status === 'signed-in') void saveProfileLocale(l).catch(() => undefined);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{m.language}</label>
      <span className="hint" id={`${id}-hint`}>
        {m.account.languageHelp}
      </span>
      <select id={id} aria-describedby={`${id}-hint`} value={locale} onChange={(e) => change(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {m.languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
