// Checks that every element whose type is a FHIR primitive holds a JSON primitive (R4 json.html
// §2.6.2: primitives are JSON strings, numbers or booleans; a repeating one is an array of them), and
// that every complex element holds an object. @medplum/core's validateResource skips empty values,
// so `"family": {}`, `"family": []` or `"code": {"text": {}}` passed it: the first were stored, the
// last crashed search indexing. This walk runs before indexing and covers every element the R4
// definitions name: nested types, backbone elements, extensions (value[x]), the `_name` companions
// of primitives and contained resources.
//
// Like required-bindings.ts, each type is compiled once from medplum's index of the R4
// StructureDefinitions into a table keyed by JSON property name. Unknown properties and primitives
// of the wrong JSON type (a number for a string) are left to the structural validator.
import { isResourceType, tryGetDataType, type InternalSchemaElement } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '../definitions.js';

interface Property {
  /** FHIRPath step, e.g. "family" or "value.ofType(string)". */
  label: string;
  /** The R4 type code: `string`, `HumanName`, `Resource`, … */
  type: string;
  isArray: boolean;
  primitive: boolean;
}

const tables = new Map<string, Map<string, Property>>();

function table(typeName: string): Map<string, Property> | undefined {
  const cached = tables.get(typeName);
  if (cached) return cached;
  const schema = tryGetDataType(typeName);
  if (!schema) return undefined;
  const byJson = new Map<string, Property>();
  for (const [name, element] of Object.entries(schema.elements)) addElement(byJson, name, element);
  tables.set(typeName, byJson);
  return byJson;
}

function addElement(byJson: Map<string, Property>, name: string, element: InternalSchemaElement): void {
  const choice = name.endsWith('[x]');
  const base = choice ? name.slice(0, -3) : name;
  for (const { code } of element.type ?? []) {
    const json = choice ? base + code.charAt(0).toUpperCase() + code.slice(1) : base;
    const label = choice ? `${base}.ofType(${code})` : base;
    byJson.set(json, { label, type: code, isArray: element.isArray ?? false, primitive: isPrimitiveCode(code) });
  }
}

/** FHIR primitive type codes start lower-case; `id` and `url` of Element use System.* types. */
function isPrimitiveCode(code: string): boolean {
  return code.charAt(0) !== code.charAt(0).toUpperCase() || code.startsWith('http://hl7.org/fhirpath/');
}

/** One error issue per element holding a value of the wrong shape, located by FHIRPath. Never throws. */
export function checkPrimitiveShapes(resource: unknown): OperationOutcomeIssue[] {
  loadFhirDefinitions();
  const issues: OperationOutcomeIssue[] = [];
  visitResource(resource, undefined, issues);
  return issues;
}

function visitResource(resource: unknown, path: string | undefined, issues: OperationOutcomeIssue[]): void {
  if (!isObject(resource)) {
    if (path) issues.push(issue(path, 'must be a resource (a JSON object)'));
    return;
  }
  const type = resource.resourceType;
  if (typeof type !== 'string' || !isResourceType(type)) return; // reported by the structural validator
  visitObject(resource, type, path ?? type, issues);
}

function visitObject(obj: Record<string, unknown>, typeName: string, path: string, issues: OperationOutcomeIssue[]): void {
  const properties = table(typeName);
  if (!properties) return;
  for (const key in obj) {
    if (key === 'resourceType') continue;
    const companion = key.charCodeAt(0) === 95; /* `_family`: the id and extensions of a primitive */
    const property = properties.get(companion ? key.slice(1) : key);
    if (!property) continue;
    const value = obj[key];
    const here = `${path}.${companion ? `_${property.label}` : property.label}`;
    if (companion) {
      if (property.primitive) visitValues(value, property.isArray, here, issues, (v, at) => visitCompanion(v, at, issues));
      continue;
    }
    visitValues(value, property.isArray, here, issues, (v, at) => visitValue(v, property, at, issues));
  }
}

/** Arrays where the element repeats, a single value where it does not (R4 json.html §2.6.2). */
function visitValues(value: unknown, isArray: boolean, path: string, issues: OperationOutcomeIssue[], visit: (v: unknown, at: string) => void): void {
  if (Array.isArray(value)) {
    if (!isArray) {
      issues.push(issue(path, 'holds a list, but it takes one value'));
      return;
    }
    for (let i = 0; i < value.length; i++) visit(value[i], `${path}[${i}]`);
    return;
  }
  visit(value, path);
}

function visitValue(value: unknown, property: Property, path: string, issues: OperationOutcomeIssue[]): void {
  // null stands in for a missing item of a repeating primitive with a `_name` companion; the
  // structural validator decides whether it is allowed there.
  if (value === null || value === undefined) return;
  if (property.primitive) {
    if (typeof value === 'object') issues.push(issue(path, `must be ${primitiveJsonType(property.type)}, not ${Array.isArray(value) ? 'a list' : 'an object'}`));
    return;
  }
  if (property.type === 'Resource') {
    visitResource(value, path, issues);
    return;
  }
  if (!isObject(value)) {
    issues.push(issue(path, `must be a JSON object (a ${property.type}), not ${Array.isArray(value) ? 'a list' : typeof value}`));
    return;
  }
  visitObject(value, property.type, path, issues);
}

/** `_name`: an Element (id and extensions), or null for an item with no id or extensions. */
function visitCompanion(value: unknown, path: string, issues: OperationOutcomeIssue[]): void {
  if (value === null || value === undefined) return;
  if (!isObject(value)) {
    issues.push(issue(path, 'must be a JSON object with the id and extensions of the value'));
    return;
  }
  visitObject(value, 'Element', path, issues);
}

function primitiveJsonType(type: string): string {
  if (type === 'boolean') return 'true or false';
  if (type === 'integer' || type === 'decimal' || type === 'positiveInt' || type === 'unsignedInt') return 'a number';
  return 'a string';
}

function issue(path: string, problem: string): OperationOutcomeIssue {
  const text = `${path} ${problem}`;
  return { severity: 'error', code: 'structure', details: { text }, diagnostics: text, expression: [path] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
