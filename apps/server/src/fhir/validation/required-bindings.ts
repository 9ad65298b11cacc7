// Checks the value-set bindings of strength "required" (R4 §4.1.5.1) that @medplum/core's
// validateResource does not: it checks structure, cardinality, primitive formats and FHIRPath
// invariants, but accepts {resourceType:'Patient', gender:'robot'}.
//
// The element definitions come from medplum's index of the R4 StructureDefinition snapshots
// (profiles-types.json and profiles-resources.json, loaded by ../definitions.ts), so backbone
// elements, contentReference (e.g. Questionnaire.item.item) and datatype profiles (Age, Duration, ...)
// are already resolved to named types. Each type is compiled once into a small table keyed by JSON
// property name, pruned to the properties that can lead to a required binding, and cached; checking
// a resource then walks only the properties the resource actually has.
import { getAllDataTypes, isResourceType, tryGetDataType, type InternalSchemaElement } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '../definitions.js';
import { enumerateValueSets, type EnumeratedValueSet } from './value-sets.js';

type Kind = 'code' | 'Coding' | 'CodeableConcept' | 'complex' | 'resource';

interface PropertyCheck {
  /** FHIRPath step for this property, e.g. "gender" or "value.ofType(Quantity)". */
  label: string;
  kind: Kind;
  valueSet?: EnumeratedValueSet;
  /** The compiled type to walk into (complex types, backbone elements). */
  node?: TypeNode;
}

interface TypeNode {
  name: string;
  properties: PropertyCheck[];
  jsonNames: string[];
  /** Whether anything below this type can carry a required binding (least fixed point). */
  relevant: boolean;
  /** JSON property name -> check, only for properties worth visiting; built once relevance is final. */
  index?: Map<string, PropertyCheck>;
}

let valueSets: Map<string, EnumeratedValueSet | null> | undefined;
const nodes = new Map<string, TypeNode>();
const pending: TypeNode[] = [];

/** Every value set bound "required" anywhere in the loaded definitions, enumerated once. */
function requiredValueSet(canonical: string): EnumeratedValueSet | undefined {
  if (!valueSets) {
    const urls = new Set<string>();
    for (const schema of Object.values(getAllDataTypes())) {
      for (const el of Object.values(schema.elements)) {
        if (el.binding?.strength === 'required' && el.binding.valueSet) urls.add(el.binding.valueSet);
      }
    }
    valueSets = enumerateValueSets(urls);
  }
  return valueSets.get(canonical) ?? undefined;
}

/** The value sets bound "required" that cannot be enumerated locally (for reporting and tests). */
export function unenumerableRequiredValueSets(): string[] {
  loadFhirDefinitions();
  requiredValueSet('');
  return [...(valueSets ?? new Map()).entries()].filter(([, v]) => v === null).map(([k]) => k).sort();
}

function typeNode(typeName: string): TypeNode {
  const existing = nodes.get(typeName);
  if (existing) return existing;
  const node: TypeNode = { name: typeName, properties: [], jsonNames: [], relevant: false };
  nodes.set(typeName, node); // before the children, so recursive types (Extension, Identifier) terminate
  pending.push(node);
  const schema = tryGetDataType(typeName);
  for (const [name, element] of Object.entries(schema?.elements ?? {})) addElement(node, name, element);
  return node;
}

function addElement(node: TypeNode, name: string, element: InternalSchemaElement): void {
  const choice = name.endsWith('[x]');
  const base = choice ? name.slice(0, -3) : name;
  const binding = element.binding;
  const valueSet = binding?.strength === 'required' && binding.valueSet ? requiredValueSet(binding.valueSet) : undefined;
  for (const { code } of element.type ?? []) {
    const json = choice ? base + code.charAt(0).toUpperCase() + code.slice(1) : base;
    // FHIRPath names a choice by its base name and type (R4 FHIRPath §6.3 ofType), e.g. value.ofType(Quantity).
    const label = choice ? `${base}.ofType(${code})` : base;
    const add = (check: PropertyCheck) => {
      node.properties.push(check);
      node.jsonNames.push(json);
    };
    if (code === 'Resource') {
      add({ label, kind: 'resource' });
    } else if (isPrimitiveCode(code)) {
      // Any primitive with a required binding is checked as a code (in R4 they are all `code`).
      if (valueSet) add({ label, kind: 'code', valueSet });
    } else {
      const kind: Kind = valueSet && (code === 'Coding' || code === 'CodeableConcept') ? code : 'complex';
      add({ label, kind, valueSet: kind === 'complex' ? undefined : valueSet, node: typeNode(code) });
    }
  }
}

/** FHIR primitive type codes start lower-case; id/url and friends use System.* types. */
function isPrimitiveCode(code: string): boolean {
  return code.charAt(0) !== code.charAt(0).toUpperCase() || code.startsWith('http://hl7.org/fhirpath/');
}

/** Resolves relevance for every node compiled since the last call, then builds their indexes. */
function settle(): void {
  if (pending.length === 0) return;
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of pending) {
      if (node.relevant) continue;
      if (node.properties.some((p) => p.valueSet || p.kind === 'resource' || p.node?.relevant)) {
        node.relevant = true;
        changed = true;
      }
    }
  }
  for (const node of pending.splice(0)) {
    node.index = new Map();
    node.properties.forEach((p, i) => {
      if (p.valueSet || p.kind === 'resource' || p.node?.relevant) node.index?.set(node.jsonNames[i], p);
    });
  }
}

function rootNode(resourceType: string): TypeNode | undefined {
  const cached = nodes.get(resourceType);
  if (cached?.index) return cached;
  if (!isResourceType(resourceType) || !tryGetDataType(resourceType)) return undefined;
  const node = typeNode(resourceType);
  settle();
  return node;
}

/**
 * Returns one error issue for each value in `resource` that falls outside the value set of a
 * required binding, with its FHIRPath location (array indexes included). Never throws: values of the
 * wrong JSON type are left to the structural validator.
 */
export function checkRequiredBindings(resource: unknown): OperationOutcomeIssue[] {
  loadFhirDefinitions();
  const issues: OperationOutcomeIssue[] = [];
  visitResource(resource, undefined, issues);
  return issues;
}

function visitResource(resource: unknown, path: string | undefined, issues: OperationOutcomeIssue[]): void {
  if (!isObject(resource) || typeof resource.resourceType !== 'string') return;
  const node = rootNode(resource.resourceType);
  if (node) visitObject(resource, node, path ?? resource.resourceType, issues);
}

function visitObject(obj: Record<string, unknown>, node: TypeNode, path: string, issues: OperationOutcomeIssue[]): void {
  const index = node.index;
  if (!index) return;
  for (const key in obj) {
    const check = index.get(key);
    if (!check) continue;
    const value = obj[key];
    const here = `${path}.${check.label}`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visitValue(value[i], check, `${here}[${i}]`, issues);
    } else {
      visitValue(value, check, here, issues);
    }
  }
}

function visitValue(value: unknown, check: PropertyCheck, path: string, issues: OperationOutcomeIssue[]): void {
  const vs = check.valueSet;
  switch (check.kind) {
    case 'resource':
      visitResource(value, path, issues);
      return;
    case 'code':
      if (vs && typeof value === 'string' && !vs.codes.has(value)) issues.push(issue(`Value "${value}" is not`, vs, path));
      return;
    case 'Coding':
      if (vs && isObject(value) && !codingIn(value, vs)) issues.push(issue(`${describeCoding(value)} is not`, vs, path));
      break;
    case 'CodeableConcept':
      if (vs && isObject(value)) {
        // A required binding on a CodeableConcept needs at least one coding from the value set
        // (R4 §4.1.5.1); text alone, or only codings from other systems, is not conformant.
        const codings = Array.isArray(value.coding) ? value.coding.filter(isObject) : [];
        if (!codings.some((c) => codingIn(c, vs))) {
          const what =
            codings.length === 0 ? 'No coding is' : codings.length === 1 ? `${describeCoding(codings[0])} is not` : `None of ${codings.map(describeCoding).join(', ')} is`;
          issues.push(issue(what, vs, path));
        }
      }
      break;
    default:
      break;
  }
  if (check.node?.relevant && isObject(value)) visitObject(value, check.node, path, issues);
}

function codingIn(coding: Record<string, unknown>, vs: EnumeratedValueSet): boolean {
  const { system, code } = coding;
  if (typeof code !== 'string') return false;
  // Without a system the code's meaning is undefined (R4 §2.24.0.3); accept it when the value set
  // holds that code, since the structural validator and invariants decide whether system is needed.
  if (typeof system !== 'string') return vs.codes.has(code);
  return vs.bySystem.get(system)?.has(code) ?? false;
}

function describeCoding(coding: Record<string, unknown>): string {
  const code = typeof coding.code === 'string' ? coding.code : '';
  return typeof coding.system === 'string' ? `Value "${code}" (system ${coding.system})` : `Value "${code}"`;
}

/** `subject` ends with its verb, e.g. 'Value "robot" is not'. */
function issue(subject: string, vs: EnumeratedValueSet, path: string): OperationOutcomeIssue {
  return {
    severity: 'error',
    code: 'code-invalid',
    details: { text: `${subject} in the required value set ${vs.name} (${vs.url})` },
    expression: [path],
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
