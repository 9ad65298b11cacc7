import { useI18n } from '../i18n/index.js';
import { secondaryNav } from './index.js';
import { Link } from './router.js';
import { Icon } from '../ui/icons.js';
import { PageTitle } from '../ui/primitives.js';
import { LanguageSwitch } from '../features/account/language-switch.js';

export default function MoreScreen() {
  const { m } = useI18n();
  return (
    <>
      <PageTitle>{m.nav.more}</PageTitle>
      <nav aria-label={m.nav.more}>
        <ul className="list more-list">
          {secondaryNav.map((item) => (
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
