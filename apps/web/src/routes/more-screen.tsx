// "More": the places that are not in the tab bar, and the language. Staff pass their own list.
import { useI18n } from '../i18n/index.js';
import { secondaryNav, type NavItem } from './index.js';
import { Link } from './router.js';
import { Icon } from '../ui/icons.js';
import { PageTitle } from '../ui/primitives.js';
import { LanguageSwitch } from '../features/account/language-switch.js';

export function MoreMenu({ items }: { items: NavItem[] }) {
  const { m } = useI18n();
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

export default function MoreScreen() {
  return <MoreMenu items={secondaryNav} />;
}
