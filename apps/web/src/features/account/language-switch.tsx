// Language choice: applied at once, remembered on this device (localStorage). Sending it to the
// server profile waits for a profile endpoint in the identity API.
import { useId } from 'react';
import { LOCALES, useI18n, type Locale } from '../../i18n/index.js';

export function LanguageSwitch() {
  const { m, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{m.language}</label>
      <span className="hint" id={`${id}-hint`}>
        {m.account.languageHelp}
      </span>
      <select id={id} aria-describedby={`${id}-hint`} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {m.languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
