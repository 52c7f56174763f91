// The building blocks of the pod/container merge: reading the security fields of one level with
// their JSON types checked, and settings for values left unset.
import { hasKind, typeDiagnostic, type ValueKind } from '../diagnostics.ts'
import { isRecord, type JsonRecord } from '../util/json-access.ts'
import type { Diagnostic, JsonValue, Locate, Path, Setting, SettingName } from '../types.ts'
import { SECURITY_FIELDS } from './fields.ts'

const FIELD_KINDS = Object.fromEntries(
  SECURITY_FIELDS.map((field) => [field.name, field.kind]),
) as Record<SettingName, ValueKind>

/** A field as written: its value when present with the right type, and where it is. */
export interface Written {
  value: JsonValue
  path: Path
}

/** The fields one level (container, pod securityContext, pod spec) writes, by name. */
export type FieldsRead = Partial<Record<SettingName, Written>>

/** Reads the security fields of one object, reporting wrongly typed ones. */
export function readFields(
  owner: unknown,
  ownerPath: Path,
  names: readonly SettingName[],
  locate: Locate,
  diagnostics: Diagnostic[],
): FieldsRead {
  const found: FieldsRead = {}
  if (!isRecord(owner)) return found
  for (const name of names) {
    const raw = owner[name]
    // Kubernetes decodes an explicit null as "unset".
    if (raw === undefined || raw === null) continue
    const path = [...ownerPath, name]
    const kind = FIELD_KINDS[name]
    if (!hasKind(raw, kind)) {
      diagnostics.push(typeDiagnostic(path, kind, raw, locate(path)))
      continue
    }
    found[name] = { value: raw as JsonValue, path }
  }
  return found
}

/** A value the node uses because the manifest leaves the field unset. */
export function defaulted(value: JsonValue, note: string): Setting {
  return { value, source: 'default', note }
}

const WINDOWS_OPTION_KEYS = [
  'gmsaCredentialSpecName',
  'gmsaCredentialSpec',
  'runAsUserName',
  'hostProcess',
] as const

/**
 * windowsOptions merge sub-field by sub-field (kubernetes pkg/securitycontext/util.go,
 * DetermineEffectiveSecurityContext): runAsUserName and hostProcess come from the container when
 * it sets them, and the two GMSA fields travel together from whichever level sets either.
 */
export function resolveWindowsOptions(
  fromContainer: FieldsRead,
  fromPod: FieldsRead,
  locate: Locate,
): Setting {
  const own = fromContainer.windowsOptions
  const shared = fromPod.windowsOptions
  if (!own && !shared) return defaulted(null, 'Not used on Linux nodes.')
  if (own && !shared) return { value: own.value, source: 'container', range: locate(own.path) }
  if (!own && shared)
    return {
      value: shared.value,
      source: 'pod',
      range: locate(shared.path),
      note: 'Set for the whole pod.',
    }
  const podValue = (shared?.value ?? {}) as JsonRecord
  const containerValue = (own?.value ?? {}) as JsonRecord
  const set = (record: JsonRecord, key: string): boolean =>
    record[key] !== undefined && record[key] !== null
  const containerSetsGmsa =
    set(containerValue, 'gmsaCredentialSpecName') || set(containerValue, 'gmsaCredentialSpec')
  const merged: Record<string, JsonValue> = {}
  for (const key of WINDOWS_OPTION_KEYS) {
    const fromOwn = key.startsWith('gmsa') ? containerSetsGmsa : set(containerValue, key)
    const source = fromOwn ? containerValue : podValue
    if (set(source, key)) merged[key] = source[key] as JsonValue
  }
  return {
    value: merged,
    source: 'container',
    range: locate((own as Written).path),
    note: 'Merged with the pod-level windowsOptions: runAsUserName and hostProcess come from the container when it sets them, and the two GMSA fields come together from whichever level sets either.',
  }
}
