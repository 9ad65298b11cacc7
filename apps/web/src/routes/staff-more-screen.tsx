// "More" for staff: the places that are not in the tab bar, and the language.
import { useSession } from '../features/identity/session.js';
import { LanguageSwitch } from '../features/account/language-switch.js';
import { useI18n } from '../i18n/index.js';
import { Icon } from '../ui/icons.js';
import { PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';
import { staffNavigation } from './staff-screens.js';

export default function StaffMoreScreen() {
  const { m } = useI18n();
  const { state } = useSession();
  const items = state.status === 'signed-in' ? staffNavigation(state.session).secondary : [];
  return (
    <>
      <PageTitle>{m.nav.more}</PageTitle>
      <nav aria-label={m.nav.more}>
        <ul className="list more-list">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>
                <span style={{ width: 32, display: 'inline-flex' }}>
                  <Icon name={item.icon} />
                </span>
                {m.nav[item.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageSwitch />
    </>
  );
}
