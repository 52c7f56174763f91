import { useId, useState } from 'react'
import type { FixDecisions } from '../core/index.ts'
import styles from './FixAllDialog.module.css'

type DecisionKey = keyof FixDecisions

const MAX_UID = 2147483647

interface Props {
  decisions: FixDecisions
  relevant: ReadonlySet<DecisionKey>
  defaults: FixDecisions
  onChange: (decisions: FixDecisions) => void
}

/** The choices only the reviewer can make, with the defaults filled in. */
export function FixAllDecisions({ decisions, relevant, defaults, onChange }: Props) {
  const id = useId()
  const [uidText, setUidText] = useState(String(decisions.runAsUser ?? defaults.runAsUser ?? ''))
  const [useUid, setUseUid] = useState(decisions.runAsUser !== undefined)
  const [profileText, setProfileText] = useState(decisions.seccompLocalhostProfile ?? '')
  const [localhost, setLocalhost] = useState(decisions.seccompLocalhostProfile !== undefined)
  if (relevant.size === 0) return null

  const uid = Number(uidText)
  const uidValid = /^\d+$/.test(uidText.trim()) && uid >= 1 && uid <= MAX_UID
  const profileValid = /^\S+$/.test(profileText)
  const update = (next: {
    useUid?: boolean
    uidText?: string
    localhost?: boolean
    profileText?: string
    netBindService?: boolean
    removeNodeAgentHostAccess?: boolean
  }) => {
    const u = next.useUid ?? useUid
    const t = next.uidText ?? uidText
    const l = next.localhost ?? localhost
    const p = next.profileText ?? profileText
    const n = Number(t)
    const rest: FixDecisions = {
      netBindService: next.netBindService ?? decisions.netBindService === true,
      removeNodeAgentHostAccess:
        next.removeNodeAgentHostAccess ?? decisions.removeNodeAgentHostAccess === true,
    }
    onChange({
      ...rest,
      ...(u && /^\d+$/.test(t.trim()) && n >= 1 && n <= MAX_UID ? { runAsUser: n } : {}),
      ...(l && /^\S+$/.test(p) ? { seccompLocalhostProfile: p } : {}),
    })
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.sectionTitle}>
        Your decisions
      </h3>
      {relevant.has('runAsUser') && (
        <fieldset className={styles.decision}>
          <legend>User ID</legend>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={useUid}
              data-testid="fixall.uid-enabled"
              onChange={(e) => {
                setUseUid(e.target.checked)
                update({ useUid: e.target.checked })
              }}
            />
            Run as UID
            <input
              type="text"
              inputMode="numeric"
              className={styles.number}
              value={uidText}
              disabled={!useUid}
              aria-label="runAsUser"
              aria-invalid={useUid && !uidValid}
              aria-describedby={`${id}-uid-hint`}
              data-testid="fixall.uid"
              onChange={(e) => {
                setUidText(e.target.value)
                update({ uidText: e.target.value })
              }}
            />
          </label>
          <p id={`${id}-uid-hint`} className={useUid && !uidValid ? styles.error : styles.hint}>
            {useUid && !uidValid
              ? `Enter a whole number from 1 to ${MAX_UID}.`
              : 'Written as runAsUser, so the kubelet starts the pod whatever the image’s USER (with runAsNonRoot alone it refuses a root image). 65532 is the distroless “nonroot” user; pick one the image’s files allow.'}
          </p>
        </fieldset>
      )}
      {relevant.has('seccompLocalhostProfile') && (
        <fieldset className={styles.decision}>
          <legend>Seccomp profile</legend>
          <label className={styles.check}>
            <input
              type="radio"
              name={`${id}-seccomp`}
              checked={!localhost}
              onChange={() => {
                setLocalhost(false)
                update({ localhost: false })
              }}
            />
            RuntimeDefault (the container runtime’s profile)
          </label>
          <label className={styles.check}>
            <input
              type="radio"
              name={`${id}-seccomp`}
              checked={localhost}
              data-testid="fixall.localhost"
              onChange={() => {
                setLocalhost(true)
                update({ localhost: true })
              }}
            />
            Localhost profile
          </label>
          {localhost && (
            <>
              <input
                type="text"
                className={styles.text}
                value={profileText}
                placeholder="profiles/app.json"
                aria-label="Localhost profile path"
                aria-invalid={!profileValid}
                data-testid="fixall.profile"
                onChange={(e) => {
                  setProfileText(e.target.value)
                  update({ profileText: e.target.value })
                }}
              />
              <p className={profileValid ? styles.hint : styles.error}>
                {profileValid
                  ? 'Relative to the kubelet’s seccomp directory; the file must exist on every node.'
                  : 'Enter the profile’s path (no spaces); until then RuntimeDefault is used.'}
              </p>
            </>
          )}
        </fieldset>
      )}
      {relevant.has('netBindService') && (
        <fieldset className={styles.decision}>
          <legend>Ports below 1024</legend>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={decisions.netBindService === true}
              onChange={(e) => update({ netBindService: e.target.checked })}
            />
            Add NET_BIND_SERVICE back after drop ALL
          </label>
          <p className={styles.hint}>
            A container listens on such a port. The capability lets a root process, or a binary with
            that file capability, bind it. Containerd 2 lets any user bind those ports
            (net.ipv4.ip_unprivileged_port_start=0).
          </p>
        </fieldset>
      )}
      {relevant.has('removeNodeAgentHostAccess') && (
        <fieldset className={styles.decision}>
          <legend>Node agents</legend>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={decisions.removeNodeAgentHostAccess === true}
              onChange={(e) => update({ removeNodeAgentHostAccess: e.target.checked })}
            />
            Remove host namespaces and host ports of DaemonSets too
          </label>
          <p className={styles.hint}>
            A node agent (a network plugin, an exporter) usually stops working without them.
          </p>
        </fieldset>
      )}
    </section>
  )
}
