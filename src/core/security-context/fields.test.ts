import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import {
  CONTAINER_FIELDS,
  POD_FIELDS,
  POD_SECURITY_CONTEXT_FIELDS,
  POD_SPEC_FIELDS,
  SECURITY_FIELDS,
} from './fields.ts'

describe('the security field catalogue', () => {
  it('lists every setting the analysis reports, once, in display order', () => {
    const container = analyze('kind: Pod\nspec:\n  containers: [{name: c}]\n').workloads[0]
      ?.containers[0]
    const reported = Object.keys(container?.settings ?? {})
    expect(SECURITY_FIELDS.map((field) => field.name).sort()).toEqual([...reported].sort())
    expect(new Set(SECURITY_FIELDS.map((field) => field.name)).size).toBe(SECURITY_FIELDS.length)
  })

  it('gives every field a summary, an unset behaviour and a kubernetes.io link', () => {
    for (const field of SECURITY_FIELDS) {
      expect(field.summary.length, field.name).toBeGreaterThan(10)
      expect(field.whenUnset.length, field.name).toBeGreaterThan(3)
      expect(field.docs, field.name).toMatch(/^https:\/\/kubernetes\.io\/docs\//)
    }
  })
})

// The workload schema generated from the Kubernetes OpenAPI document (scripts/gen-k8s-schema.mjs)
// is an independent statement of where each field lives and what JSON type it takes.
const schemaFiles = import.meta.glob<{ definitions: Record<string, SchemaObject> }>(
  '../../editor/k8s-workloads.schema.json',
  { eager: true, import: 'default' },
)
interface SchemaObject {
  properties?: Record<string, { type?: string | string[]; $ref?: string; items?: unknown }>
}

describe('the field catalogue against the Kubernetes schema', () => {
  const definitions = Object.values(schemaFiles)[0]?.definitions ?? {}
  const owners = {
    container: ['V1SecurityContext'],
    'pod-and-container': ['V1SecurityContext', 'V1PodSecurityContext'],
    pod: ['V1PodSecurityContext'],
    'pod-spec': ['V1PodSpec'],
  } as const
  const jsonType = (property: { type?: string | string[]; $ref?: string }): string => {
    if (property.$ref !== undefined) return 'object'
    const types = [property.type ?? []].flat().filter((type) => type !== 'null')
    return types.join('|')
  }

  it.each(SECURITY_FIELDS.map((field) => [field.name, field] as const))(
    '%s is where its scope says, with the JSON type its kind says',
    (name, field) => {
      for (const owner of owners[field.scope]) {
        const property = definitions[owner]?.properties?.[name]
        expect(property, `${owner}.${name}`).toBeDefined()
        if (property) expect(jsonType(property), `${owner}.${name}`).toBe(field.kind)
      }
    },
  )

  it('derives the field lists from the scopes, in catalogue order', () => {
    const inScope = (...scopes: string[]) =>
      SECURITY_FIELDS.filter((f) => scopes.includes(f.scope)).map((f) => f.name)
    expect(CONTAINER_FIELDS).toEqual(inScope('container', 'pod-and-container'))
    expect(POD_SECURITY_CONTEXT_FIELDS).toEqual(inScope('pod-and-container', 'pod'))
    expect(POD_SPEC_FIELDS).toEqual(inScope('pod-spec'))
    expect(POD_FIELDS).toEqual(inScope('pod', 'pod-spec'))
    expect(
      new Set([...CONTAINER_FIELDS, ...POD_FIELDS]).size,
      'every field is shown once, on the container or the pod',
    ).toBe(SECURITY_FIELDS.length)
  })
})
