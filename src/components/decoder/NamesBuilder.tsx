import { useId, useState, type FormEvent } from 'react'
import { encodeCapabilities } from '../../core/index.ts'
import { splitNames } from './caps-view.ts'
import styles from './NamesBuilder.module.css'

/**
 * A text field that turns capability names (`NET_BIND_SERVICE, CAP_CHOWN`, any case) into a
 * mask. Unknown names leave both the field and the mask untouched and say which name failed.
 */
export function NamesBuilder({
  setLabel,
  onBuild,
}: {
  setLabel: string
  onBuild: (hex: string) => void
}) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const id = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const encoded = encodeCapabilities(splitNames(text))
    if (encoded.ok) {
      setError('')
      onBuild(encoded.hex)
    } else {
      setError(encoded.error)
    }
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={`${id}-names`} className={styles.label}>
        Build {setLabel === 'mask' ? 'the mask' : setLabel} from names
      </label>
      <div className={styles.row}>
        <input
          id={`${id}-names`}
          className={styles.input}
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder="NET_BIND_SERVICE, CAP_CHOWN"
          aria-invalid={error !== ''}
          aria-describedby={`${id}-names-help ${id}-names-error`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className={styles.button}>
          Set mask
        </button>
      </div>
      <p id={`${id}-names-help`} className={styles.help}>
        Separate names with commas or spaces; the <code>CAP_</code> prefix and case do not matter.
        Empty gives <code>drop: [ALL]</code> with nothing added.
      </p>
      <p id={`${id}-names-error`} className={styles.error} role="alert">
        {error}
      </p>
    </form>
  )
}
