import { CAPABILITIES } from '../../core/index.ts'
import { LAST_KNOWN_BIT, MASK_BITS, isBitSet } from './caps-view.ts'
import styles from './BitGrid.module.css'

const ROWS = Array.from({ length: MASK_BITS / 8 }, (_, row) =>
  Array.from({ length: 8 }, (_, col) => row * 8 + col),
)

/**
 * All 64 bits of a mask as toggle buttons, eight per row, bit 0 first. Set bits are pressed;
 * bits above the last named capability are marked as unknown.
 */
export function BitGrid({
  hex,
  setLabel,
  onToggle,
}: {
  hex: string
  setLabel: string
  onToggle: (bit: number) => void
}) {
  return (
    <div className={styles.grid} role="group" aria-label={`Bits of ${setLabel}`}>
      {ROWS.map((bits) => (
        <div key={bits[0]} className={styles.row}>
          <span className={styles.rowLabel} aria-hidden="true">
            {bits[0]}–{bits[bits.length - 1]}
          </span>
          {bits.map((bit) => {
            const cap = CAPABILITIES[bit]
            const on = isBitSet(hex, bit)
            const shortName = cap ? cap.name.replace(/^CAP_/, '') : 'unknown'
            return (
              <button
                key={bit}
                type="button"
                className={styles.bit}
                data-unknown={bit > LAST_KNOWN_BIT ? 'true' : undefined}
                aria-pressed={on}
                aria-label={`Bit ${bit}, ${cap ? cap.name : 'no capability name'}`}
                title={cap ? `${cap.name}: ${cap.summary}` : `Bit ${bit} has no capability name`}
                data-bit={bit}
                onClick={() => onToggle(bit)}
              >
                <span className={styles.num}>{bit}</span>
                <span className={styles.name}>
                  {shortName.split('_').map((part, i) => (
                    // Break long names only at underscores: NET_ / BIND_ / SERVICE.
                    <span key={i}>
                      {i > 0 && '_'}
                      {i > 0 && <wbr />}
                      {part}
                    </span>
                  ))}
                </span>
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}
