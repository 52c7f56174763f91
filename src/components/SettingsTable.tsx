import {
  securityField,
  type JsonValue,
  type Range,
  type Setting,
  type SettingName,
  type SettingSource,
} from '../core/index.ts'
import { Chip } from './Chip.tsx'
import styles from './SettingsTable.module.css'

const SOURCE_LABEL: Record<SettingSource, string> = {
  container: 'container',
  pod: 'pod',
  default: 'default',
}

const SOURCE_TITLE: Record<SettingSource, string> = {
  container: "Set in this container's securityContext",
  pod: 'Inherited from the pod (spec or pod securityContext)',
  default: 'Not set anywhere: the node, kubelet or runtime decides',
}

/** Renders a manifest value compactly: scalars as written, objects as flow-style YAML-ish JSON. */
export function formatValue(value: JsonValue): string {
  if (value === null) return 'none'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
    .replace(/"([^"]+)":/g, '$1: ')
    .replace(/,/g, ', ')
}

interface Props {
  caption: string
  fields: readonly SettingName[]
  settings: Record<SettingName, Setting>
  onReveal: (range: Range) => void
}

/** The effective value of each field, where it came from, and what a default means. */
export function SettingsTable({ caption, fields, settings, onReveal }: Props) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Effective value</th>
          <th scope="col">From</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const setting = settings[field]
          const help = securityField(field)
          const range = setting.range
          return (
            <tr key={field} className={setting.source === 'default' ? styles.defaulted : undefined}>
              <th scope="row">
                <a href={help.docs} target="_blank" rel="noreferrer">
                  {field}
                </a>
                <span className={styles.summary}>{help.summary}</span>
              </th>
              <td>
                {range ? (
                  <button type="button" className={styles.value} onClick={() => onReveal(range)}>
                    <code>{formatValue(setting.value)}</code>
                  </button>
                ) : (
                  <code>{formatValue(setting.value)}</code>
                )}
                {setting.note && <p className={styles.note}>{setting.note}</p>}
              </td>
              <td>
                <Chip tone={setting.source} title={SOURCE_TITLE[setting.source]}>
                  {SOURCE_LABEL[setting.source]}
                </Chip>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
