import { isRecord, recordAt, stringAt } from '../util/json-access.ts'
import type { ParsedDocument } from '../yaml/parse-documents.ts'
import type { Path, Range } from '../types.ts'
import { POD_SECURITY_LABELS, readPodSecurityLabels } from './policy.ts'
import type { NamespaceLabels } from './types.ts'

/** A Namespace object written in the source. */
export interface NamespaceDocument {
  name: string
  labels: NamespaceLabels
  /** The object's range; its start orders it among the other objects, as kubectl applies them. */
  range: Range
  /** Pod Security labels whose value is not a string (the API server refuses such a Namespace). */
  nonStringLabels: string[]
}

/** Finds every `v1` Namespace object in the documents, `List` items included, in source order. */
export function findNamespaces(documents: readonly ParsedDocument[]): NamespaceDocument[] {
  const found: NamespaceDocument[] = []
  const visit = (document: ParsedDocument, object: unknown, path: Path): void => {
    if (!isRecord(object)) return
    const kind = object.kind
    if (typeof kind !== 'string') return
    if (kind.endsWith('List') && Array.isArray(object.items)) {
      object.items.forEach((item, index) => visit(document, item, [...path, 'items', index]))
      return
    }
    if (kind !== 'Namespace' || object.apiVersion !== 'v1') return
    const metadata = recordAt(object, 'metadata')
    const rawLabels = recordAt(metadata, 'labels') ?? {}
    found.push({
      name: stringAt(metadata, 'name') ?? '',
      labels: readPodSecurityLabels(rawLabels),
      range: path.length ? document.locateNearest(path) : document.range,
      nonStringLabels: POD_SECURITY_LABELS.filter(
        (label) => rawLabels[label] !== undefined && typeof rawLabels[label] !== 'string',
      ),
    })
  }
  for (const document of documents) visit(document, document.value, [])
  return found
}
