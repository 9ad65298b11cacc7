// The suggestion to turn on two-step sign-in, for a patient who has not (the server says so in the
// session's `mfaPrompt`; staff must set it up before anything else, so they never see this).
import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../routes/router.js';
import { Button } from '../../ui/primitives.js';
import { usePatient } from '../identity/session.js';

/** "Not now" lasts for this browser session: the next sign-in suggests it again. */
const LATER = 'portico.mfaPromptLater';

export function MfaPrompt() {
  const { m } = useI18n();
  const session = usePatient();
  const [later, setLater] = useState(() => sessionStorage.getItem(LATER) === '1');
  if (!session.mfaPrompt || later) return null;
  const notNow = () => {
    sessionStorage.setItem(LATER, '1');
    setLater(true);
  };
  return (
    <section aria-labelledby="mfa-prompt" className="card">
      <h2 id="mfa-prompt">{m.account.mfaPromptTitle}</h2>
      <p>{m.account.mfaPromptText}</p>
      <p>
        <Link href="/account?setup=mfa">{m.account.mfaPromptAction}</Link>
      </p>
      <Button variant="quiet" onClick={notNow}>
        {m.account.mfaPromptLater}
      </Button>
    </section>
  );
}
