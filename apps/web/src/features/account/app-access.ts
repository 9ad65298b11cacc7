// Plain-language description of what a connected app may see, from its granted SMART scopes as
// the server summarises them (docs/api/smart.md: access[] per resource type). Pure.
import type { ConnectedApp } from '../../fhir-client/identity.js';
import type { Messages } from '../../i18n/en.js';

export interface AppAccessText {
  sees: string[];
  changes: string[];
}

export function describeAccess(app: ConnectedApp, m: Messages): AppAccessText {
  const describe = (a: ConnectedApp['access'][number]) => {
    if (a.resourceType === '*') return m.apps.everything;
    const what = m.apps.types[a.resourceType] ?? a.resourceType;
    if (!a.categories?.length) return what;
    return m.apps.onlyCategories(what, a.categories.map((c) => m.apps.categories[c] ?? c).join(', '));
  };
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    sees: unique(app.access.filter((a) => a.read).map(describe)),
    changes: unique(app.access.filter((a) => a.write).map(describe)),
  };
}
