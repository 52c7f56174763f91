import { Dialog } from './Dialog.tsx'
import styles from './ShareDialog.module.css'

/** Shows text to copy by hand, selected, when the clipboard is out of reach. */
export default function TextDialog({
  title,
  note,
  text,
  onClose,
}: {
  title: string
  note: string
  text: string
  onClose: () => void
}) {
  return (
    <Dialog title={title} onClose={onClose} testId="text-dialog">
      <p className={styles.lead}>{note}</p>
      <textarea
        className={styles.text}
        aria-label={title}
        readOnly
        value={text}
        rows={14}
        onFocus={(e) => e.currentTarget.select()}
        autoFocus
      />
    </Dialog>
  )
}
