import { beforeAll, describe, expect, it } from 'vitest'
import schemaJson from './k8s-workloads.schema.json'

/** The parts of JSON Schema draft-07 that the generated file uses. */
interface Schema {
  $comment?: string
  $ref?: string
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  description?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  additionalProperties?: boolean | Schema
  allOf?: Schema[]
  if?: Schema
  then?: Schema
  definitions?: Record<string, Schema>
}

const root = schemaJson as Schema
const definitions = root.definitions ?? {}

const KINDS: [kind: string, apiVersion: string][] = [
  ['Pod', 'v1'],
  ['PodTemplate', 'v1'],
  ['ReplicationController', 'v1'],
  ['Deployment', 'apps/v1'],
  ['StatefulSet', 'apps/v1'],
  ['DaemonSet', 'apps/v1'],
  ['ReplicaSet', 'apps/v1'],
  ['Job', 'batch/v1'],
  ['CronJob', 'batch/v1'],
]

function deref(schema: Schema | undefined): Schema {
  if (schema === undefined) throw new Error('missing schema')
  if (schema.$ref === undefined) return schema
  const name = schema.$ref.replace('#/definitions/', '')
  const target = definitions[name]
  if (target === undefined) throw new Error(`dangling ${schema.$ref}`)
  return target
}

/** Follows a property path through $refs, e.g. prop(def, 'spec', 'template'). */
function prop(schema: Schema, ...path: string[]): Schema {
  return path.reduce((s, key) => {
    const next = deref(s).properties?.[key]
    if (next === undefined) throw new Error(`no property ${key}`)
    return next
  }, schema)
}

/** A field's own description or, for a field that holds a model, the model's. */
const docOf = (s: Schema): string | undefined => s.description ?? deref(s).description
const typesOf = (s: Schema): string[] => [deref(s).type ?? []].flat()

/** The `then` of the rule whose condition pins `kind`, searched in the top-level rules. */
function ruleFor(kind: string): Schema | undefined {
  const rules = [...(root.allOf ?? []), ...(deref(root.allOf?.[0]).allOf ?? [])]
  return rules.find((r) => r.if?.allOf?.some((c) => c.properties?.kind?.const === kind))?.then
}

describe('k8s-workloads.schema.json structure', () => {
  it('names its source package with an exact version, and a Kubernetes version', () => {
    expect(root.$comment).toMatch(/@kubernetes\/client-node@\d+\.\d+\.\d+ /)
    expect(root.$comment).toMatch(/Kubernetes 1\.(3[0-9]|[4-9][0-9])\b/)
  })

  it.each(KINDS)('dispatches kind %s to a definition pinned to %s with a pod spec', (kind, av) => {
    const def = deref(ruleFor(kind))
    expect(prop(def, 'kind').enum).toEqual([kind])
    expect(prop(def, 'apiVersion').enum).toEqual([av])
    expect(def.required).toEqual(expect.arrayContaining(['apiVersion', 'kind']))
    // PodTemplate carries its pod template directly; CronJob nests a Job template.
    const podTemplate =
      kind === 'Pod'
        ? def
        : kind === 'PodTemplate'
          ? prop(def, 'template')
          : kind === 'CronJob'
            ? prop(def, 'spec', 'jobTemplate', 'spec', 'template')
            : prop(def, 'spec', 'template')
    expect(prop(podTemplate, 'spec', 'containers').type).toContain('array')
    expect(deref(prop(podTemplate, 'spec')).required).toContain('containers')
  })

  it('dispatches kind List to items that are dispatched again', () => {
    const list = deref(ruleFor('List'))
    expect(prop(list, 'apiVersion').enum).toEqual(['v1'])
    expect(prop(list, 'items').items?.$ref).toBe(root.allOf?.[0]?.$ref)
  })

  it('has the container securityContext fields, typed and documented', () => {
    const sc = prop(definitions.Pod ?? {}, 'spec', 'containers')
    const ctx = deref(prop(deref(sc.items), 'securityContext'))
    for (const field of ['privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem']) {
      expect(typesOf(prop(ctx, field)), field).toContain('boolean')
    }
    for (const field of [
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities',
      'seccompProfile',
      'appArmorProfile',
      'procMount',
      'runAsUser',
      'runAsNonRoot',
    ]) {
      expect(docOf(prop(ctx, field)), field).toMatch(/\w+ \w+/)
    }
    for (const field of ['add', 'drop']) {
      const list = prop(ctx, 'capabilities', field)
      expect(list.type).toContain('array')
      expect(list.items?.type).toBe('string')
      expect(list.description).toBeTruthy()
    }
    expect(prop(ctx, 'seccompProfile', 'type').enum).toEqual([
      'Localhost',
      'RuntimeDefault',
      'Unconfined',
    ])
    expect(deref(prop(ctx, 'seccompProfile')).required).toEqual(['type'])
    expect(prop(ctx, 'appArmorProfile', 'type').enum).toContain('RuntimeDefault')
    expect(prop(ctx, 'procMount').enum).toEqual(['Default', 'Unmasked'])
    expect(prop(ctx, 'runAsUser')).toMatchObject({ type: ['integer', 'null'], format: 'int64' })
    expect(ctx.additionalProperties).toBe(false)
  })

  it('has the pod-level securityContext and host namespace fields', () => {
    const spec = prop(definitions.Pod ?? {}, 'spec')
    const ctx = prop(spec, 'securityContext')
    expect(prop(ctx, 'runAsUser')).toMatchObject({ format: 'int64' })
    expect(prop(ctx, 'seccompProfile', 'type').enum).toContain('RuntimeDefault')
    expect(docOf(prop(ctx, 'sysctls'))).toBeTruthy()
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC', 'hostUsers']) {
      expect(typesOf(prop(spec, field)), field).toContain('boolean')
    }
  })

  it('accepts quantities as strings or numbers', () => {
    const limits = prop(definitions.Pod ?? {}, 'spec', 'containers')
    const resources = prop(deref(limits.items), 'resources', 'limits')
    expect(resources.additionalProperties).toEqual({ type: ['string', 'number'] })
  })

  it('resolves every $ref and carries no x-kubernetes-* extension', () => {
    const refs: string[] = []
    JSON.stringify(root, (key, value: unknown) => {
      if (key.startsWith('x-kubernetes')) refs.push(`extension ${key}`)
      if (key === '$ref' && typeof value === 'string') refs.push(value)
      return value
    })
    const bad = refs.filter((r) => !definitions[r.replace('#/definitions/', '')])
    expect(bad).toEqual([])
    expect(refs.length).toBeGreaterThan(100)
  })
})

// The language service that monaco-yaml runs in its web worker (yaml-language-server, bundled in
// monaco-yaml/yaml.worker.js), run here in Node: its web-worker entry is replaced by a stub that
// hands over the service factory, and path-browserify (CommonJS, whose named imports Node's ESM
// loader cannot see) by node:path.
interface Position {
  line: number
  character: number
}
interface Diagnostic {
  message: string
  range: { start: Position }
}
interface YamlWorker {
  doValidation(uri: string): Promise<Diagnostic[]>
  doHover(uri: string, position: Position): Promise<{ contents: { value: string } } | null>
  doComplete(uri: string, position: Position): Promise<{ items: { label: string }[] }>
}
type WorkerFactory = (
  ctx: { getMirrorModels(): { uri: string; version: number; getValue(): string }[] },
  createData: Record<string, unknown>,
) => YamlWorker

const factoryKey = '__k8sSchemaTestYamlWorkerFactory'
let createWorker: WorkerFactory

beforeAll(async () => {
  const stub = `export function initialize(fn) { globalThis.${factoryKey} = fn }`
  const hooks = `
    const stub = ${JSON.stringify(`data:text/javascript,${encodeURIComponent(stub)}`)}
    export async function resolve(specifier, context, next) {
      if (specifier === 'monaco-worker-manager/worker') return { url: stub, shortCircuit: true }
      if (specifier === 'path-browserify') return { url: 'node:path', shortCircuit: true }
      return next(specifier, context)
    }`
  // Imported by a computed name: the app's tsconfig has no Node types, and this test needs only one
  // Node API (module.register, for the resolve hook above).
  const nodeModule = 'node:module'
  const { register } = (await import(/* @vite-ignore */ nodeModule)) as {
    register: (url: string) => void
  }
  register(`data:text/javascript,${encodeURIComponent(hooks)}`)
  await import('monaco-yaml/yaml.worker.js')
  createWorker = (globalThis as Record<string, unknown>)[factoryKey] as WorkerFactory
})

let opened = 0
/** Opens `text` as the one model and returns the worker, configured as the editor configures it. */
function open(text: string): { worker: YamlWorker; uri: string } {
  // A new URI each time: the language service caches parsed documents by URI and version.
  opened += 1
  const uri = `file:///doc-${opened}.yaml`
  const worker = createWorker(
    { getMirrorModels: () => [{ uri, version: 1, getValue: () => text }] },
    {
      enableSchemaRequest: false,
      validate: true,
      completion: true,
      hover: true,
      schemas: [{ uri: 'file:///k8s-workloads.schema.json', fileMatch: ['*'], schema: root }],
    },
  )
  return { worker, uri }
}

async function problems(text: string): Promise<string[]> {
  const { worker, uri } = open(text)
  const diagnostics = await worker.doValidation(uri)
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`)
}

/** The position just after the first occurrence of `needle`. */
function after(text: string, needle: string): Position {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`no ${needle}`)
  const lines = text.slice(0, at + needle.length).split('\n')
  return { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 }
}

const corpus = import.meta.glob<string>('../core/testdata/corpus/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const examples = import.meta.glob<string>('../../public/examples/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

const deployment = (securityContext: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  creationTimestamp: null
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            limits: { cpu: 1, memory: 128Mi }
            requests: { cpu: 0.5 }
          securityContext:
${securityContext}
`

describe('k8s-workloads.schema.json in monaco-yaml', () => {
  it('accepts a valid Deployment (numeric quantities, null timestamp)', async () => {
    const sc = '            privileged: false\n            capabilities: { drop: [ALL] }'
    expect(await problems(deployment(sc))).toEqual([])
  })

  it('flags a string where a boolean belongs, and a misspelt field', async () => {
    const sc = '            privileged: "yes"\n            allowPrivilegeEscalaton: false'
    expect(await problems(deployment(sc))).toEqual([
      '20: Incorrect type. Expected one of boolean, null.',
      '21: Property allowPrivilegeEscalaton is not allowed.',
    ])
  })

  it('flags an unknown seccomp profile type', async () => {
    const sc = '            seccompProfile: { type: Default }'
    expect(await problems(deployment(sc))).toEqual([
      '20: Value is not accepted. Valid values: "Localhost", "RuntimeDefault", "Unconfined".',
    ])
  })

  it('leaves other kinds, CRDs reusing a kind name, and empty documents alone', async () => {
    const text = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { ports: [{ port: 80 }], whatever: true }
---
---
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
spec: { minAvailable: 1, tasks: [] }
---
apiVersion: example.com/v1
kind: Widget
spec: 42
`
    expect(await problems(text)).toEqual([])
  })

  it('validates the items of a List and flags a removed apiVersion', async () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: p }
    spec:
      containers: [{ name: c, image: i, securityContext: { runAsUser: root } }]
  - apiVersion: v1
    kind: ConfigMap
    data: { a: b }
---
apiVersion: extensions/v1beta1
kind: Deployment
`
    expect(await problems(text)).toEqual([
      '8: Incorrect type. Expected one of integer, null.',
      '13: Value is not accepted. Valid values: "apps/v1".',
    ])
  })

  it('shows the field description on hover', async () => {
    const text = deployment('            privileged: false')
    const { worker, uri } = open(text)
    const hover = await worker.doHover(uri, after(text, '            privi'))
    expect(hover?.contents.value).toContain('Run container in privileged mode.')
  })

  it('completes securityContext fields and seccomp profile types', async () => {
    const text = deployment('            seccompProfile:\n              type: ')
    const { worker, uri } = open(text)
    const values = await worker.doComplete(uri, after(text, 'type: '))
    expect(values.items.map((i) => i.label)).toEqual(['Localhost', 'RuntimeDefault', 'Unconfined'])

    const keys = deployment('            ')
    const inContext = open(keys)
    const fields = await inContext.worker.doComplete(
      inContext.uri,
      after(keys, 'securityContext:\n            '),
    )
    expect(fields.items.map((i) => i.label)).toEqual(
      expect.arrayContaining([
        'allowPrivilegeEscalation',
        'capabilities',
        'privileged',
        'procMount',
      ]),
    )
  })

  it('raises nothing on the real-world corpus and the bundled examples', async () => {
    const files = Object.entries({ ...corpus, ...examples })
    expect(files.length).toBeGreaterThan(20)
    for (const [file, text] of files) {
      expect(await problems(text), file).toEqual([])
    }
  })
})
