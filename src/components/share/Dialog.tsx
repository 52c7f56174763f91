import { useEffect, useRef, type ReactNode } from 'react'
import styles from './Dialog.module.css'

/**
 * A modal dialog on the native <dialog> element: focus stays inside, Escape closes it, and the
 * page behind is inert while it is open.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  testId?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="dialog-title"
      data-testid={testId}
      onClose={onClose}
    >
      <div className={styles.head}>
        <h2 id="dialog-title" className={styles.title}>
          {title}
        </h2>
        <button type="button" className={styles.close} onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  )
}
