import { useRef, useState, type KeyboardEvent } from 'react'
import { CAPABILITIES } from '../../core/index.ts'
import { MASK_BITS, isBitSet } from '../../lib/caps-view.ts'
import styles from './BitGrid.module.css'

const BITS_PER_ROW = 8

/** Rows of two nibbles, high bits first, so the grid reads left to right like the hex string. */
const ROWS = Array.from({ length: MASK_BITS / BITS_PER_ROW }, (_, row) => {
  const top = MASK_BITS - 1 - row * BITS_PER_ROW
  const nibble = (high: number) => [high, high - 1, high - 2, high - 3]
  return [nibble(top), nibble(top - 4)]
})

/** Arrow keys move like the grid looks: left is the next higher bit, up the row above. */
const MOVES: Readonly<Record<string, (bit: number) => number>> = {
  ArrowLeft: (bit) => bit + 1,
  ArrowRight: (bit) => bit - 1,
  ArrowUp: (bit) => bit + BITS_PER_ROW,
  ArrowDown: (bit) => bit - BITS_PER_ROW,
  Home: () => MASK_BITS - 1,
  End: () => 0,
}

function nibbleDigit(hex: string, bits: readonly number[]): string {
  const low = bits[bits.length - 1] ?? 0
  return hex.charAt(hex.length - 1 - low / 4)
}

/**
 * All 64 bits of a mask as toggle buttons, bit 63 top left to bit 0 bottom right, so each group of
 * four sits above the hex digit it makes. A set bit is filled and reads 1, a clear one is outlined
 * and reads 0. Bits above the kernel's cap_last_cap are marked: above 40 no capability has the bit
 * at all. One Tab stop; arrow keys, Home and End move between bits.
 */
export function BitGrid({
  hex,
  setLabel,
  capLastCap,
  onToggle,
}: {
  hex: string
  setLabel: string
  capLastCap: number
  onToggle: (bit: number) => void
}) {
  const [current, setCurrent] = useState(MASK_BITS - 1)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const move = MOVES[event.key]
    if (move === undefined) return
    const next = move(current)
    event.preventDefault()
    if (next < 0 || next >= MASK_BITS) return
    setCurrent(next)
    buttons.current[next]?.focus()
  }

  return (
    <div
      className={styles.grid}
      role="group"
      aria-label={`Bits of ${setLabel}, 63 to 0`}
      onKeyDown={onKeyDown}
    >
      {ROWS.map((nibbles) => (
        <div key={nibbles[0]?.[0]} className={styles.row}>
          <span className={styles.rowLabel} aria-hidden="true">
            {nibbles[0]?.[0]}–{nibbles[1]?.[3]}
          </span>
          {nibbles.map((bits) => (
            <div key={bits[0]} className={styles.nibble}>
              {bits.map((bit) => {
                const cap = CAPABILITIES[bit]
                const on = isBitSet(hex, bit)
                const state = cap === undefined ? 'unnamed' : bit > capLastCap ? 'newer' : undefined
                return (
                  <button
                    key={bit}
                    ref={(el) => {
                      buttons.current[bit] = el
                    }}
                    type="button"
                    className={styles.bit}
                    tabIndex={bit === current ? 0 : -1}
                    data-bit={bit}
                    data-unknown={cap === undefined ? 'true' : undefined}
                    data-state={state}
                    aria-pressed={on}
                    aria-label={`Bit ${bit}, ${cap ? cap.name : 'no capability name'}${state === 'newer' ? ', not in this kernel' : ''}`}
                    title={
                      cap === undefined
                        ? `Bit ${bit} has no capability name`
                        : `${cap.name} (Linux ${cap.since}): ${cap.summary}`
                    }
                    onFocus={() => setCurrent(bit)}
                    onClick={() => onToggle(bit)}
                  >
                    <span className={styles.head}>
                      <span className={styles.num}>{bit}</span>
                      <span className={styles.value} aria-hidden="true">
                        {on ? '1' : '0'}
                      </span>
                    </span>
                    <span className={styles.name} aria-hidden="true">
                      {cap ? shortName(cap.name) : '—'}
                    </span>
                  </button>
                )
              })}
              <span className={styles.digit} data-nibble aria-hidden="true">
                {nibbleDigit(hex, bits)}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  )
}

/** `NET_BIND_SERVICE` with break opportunities after each underscore. */
function shortName(name: string) {
  return name
    .replace(/^CAP_/, '')
    .split('_')
    .map((part, i) => (
      <span key={i}>
        {i > 0 && '_'}
        {i > 0 && <wbr />}
        {part}
      </span>
    ))
}
