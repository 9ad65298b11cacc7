// What the consent screen offers and what the patient's choices grant. Condition and Observation
// are offered per category, so a patient can share lab results but not social history; the granted
// scope string says exactly that (v2 granular scopes, SMART 2.2 scopes-and-launch-context §3.3.3).
import { CONSENT_TYPES, isConsentType } from './consent-catalogue.js';
import { parseResourceScope, resourceScopes, type Permission, type ResourceScope } from './scopes.js';

export const CATEGORY_SYSTEMS: Record<string, string> = {
  Observation: 'http://terminology.hl7.org/CodeSystem/observation-category',
  Condition: 'http://terminology.hl7.org/CodeSystem/condition-category',
};

/** Categories offered one by one; `health-concern` is US Core's own code system. */
export const CATEGORIES: Record<string, { system: string; code: string }[]> = {
  Observation: ['laboratory', 'vital-signs', 'social-history', 'survey', 'imaging', 'exam', 'procedure', 'therapy', 'activity'].map((code) => ({ system: CATEGORY_SYSTEMS.Observation, code })),
  Condition: [
    { system: CATEGORY_SYSTEMS.Condition, code: 'problem-list-item' },
    { system: CATEGORY_SYSTEMS.Condition, code: 'encounter-diagnosis' },
    { system: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category', code: 'health-concern' },
  ],
};

export interface ConsentItem {
  type: string;
  write: boolean;
  /** For Condition/Observation: the categories offered (all of them, or those the scope names). */
  categories?: { system?: string; code: string }[];
}

/** The types a scope asks for that the page can show (`*` is the whole catalogue; others are never offered). */
const typesOf = (s: ResourceScope): readonly string[] => (s.type === '*' ? CONSENT_TYPES : isConsentType(s.type) ? [s.type] : []);
const writes = (s: ResourceScope) => s.permissions.has('c') || s.permissions.has('u') || s.permissions.has('d');

export function consentItems(requested: readonly string[]): ConsentItem[] {
  const items = new Map<string, ConsentItem>();
  for (const scope of resourceScopes(requested)) {
    for (const type of typesOf(scope)) {
      const item = items.get(type) ?? { type, write: false };
      item.write ||= writes(scope);
      if (CATEGORIES[type]) {
        const offered = scope.filter && scope.type !== '*' ? scope.filter.anyOf : CATEGORIES[type];
        const merged = [...(item.categories ?? [])];
        for (const c of offered) if (!merged.some((m) => m.code === c.code)) merged.push(c);
        item.categories = merged;
      }
      items.set(type, item);
    }
  }
  return [...items.values()].sort((a, b) => CONSENT_TYPES.indexOf(a.type) - CONSENT_TYPES.indexOf(b.type));
}

export interface ConsentChoices {
  /** Types switched on. */
  types: Set<string>;
  /** `Type|code` categories switched on. */
  categories: Set<string>;
  offline: boolean;
}

const ORDER: Permission[] = ['c', 'r', 'u', 'd', 's'];

function scopeText(scope: ResourceScope, type: string, category?: { system?: string; code: string }): string {
  if (!category && scope.version === 1) return `${scope.context}/${type}.${scope.text.split('.').pop()!.split('?')[0]}`;
  const perms = ORDER.filter((p) => scope.permissions.has(p)).join('');
  const base = `${scope.context}/${type}.${perms}`;
  return category ? `${base}?category=${category.system ? `${category.system}|` : ''}${category.code}` : base;
}

/** The scopes granted: what was asked for, narrowed by the patient's switches. */
export function grantedScopes(requested: readonly string[], choices: ConsentChoices): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  for (const s of requested) {
    if (s === 'offline_access') {
      if (choices.offline) add(s);
      continue;
    }
    const scope = parseResourceScope(s);
    if (!scope) {
      add(s);
      continue;
    }
    const types = typesOf(scope);
    // A type the page could not show is not granted (consent-catalogue.ts).
    if (types.length === 0) continue;
    const catOn = (type: string, c: { code: string }) => choices.categories.has(`${type}|${c.code}`);
    const fullyOn = (type: string) => (CATEGORIES[type] ? (scope.filter && scope.type !== '*' ? scope.filter.anyOf : CATEGORIES[type]).every((c) => catOn(type, c)) : choices.types.has(type));
    if (types.every(fullyOn)) {
      add(s);
      continue;
    }
    for (const type of types) {
      if (fullyOn(type)) add(scope.type === type ? s : scopeText(scope, type));
      else if (CATEGORIES[type]) {
        const offered = scope.filter && scope.type !== '*' ? scope.filter.anyOf : CATEGORIES[type];
        for (const c of offered.filter((c) => catOn(type, c))) add(scopeText(scope, type, c));
      }
    }
  }
  // Without any data scope left, launch/identity scopes alone are still a valid (if small) grant.
  return out;
}
