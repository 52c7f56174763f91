/**
 * "Copy review": the analysis as GitHub-flavoured Markdown, to paste into a pull request. A pure
 * function of the core's analysis; the clipboard is handled at the edge.
 */
import {
  PSS_CHECK_INFO,
  runtimeLabel,
  type Analysis,
  type AnalysisOptions,
  type ContainerAnalysis,
  type PssLevel,
  type Workload,
} from '../core/index.ts'
import { MAX_LINK_CHARS } from './share-links.ts'

/** GitHub refuses comments longer than this (its API: "body is too long (maximum is 65536 characters)"). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536

const VERDICT: Record<PssLevel, string> = {
  restricted: '✅ restricted',
  baseline: '⚠️ baseline',
  privileged: '❌ privileged',
}

/** Text safe inside a table cell: no pipes or line breaks that would end the cell. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Inline code that cannot be closed early by a backtick in the text. */
function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ')
  const fence = clean.includes('`') ? '``' : '`'
  return `${fence}${fence === '``' ? ` ${clean} ` : clean}${fence}`
}

function assumptions(options: AnalysisOptions, rulesVersion: string): string {
  const user =
    options.imageUser === null
      ? 'unknown'
      : options.imageUser === 0
        ? '0 (root)'
        : String(options.imageUser)
  return [
    `runtime ${runtimeLabel(options.runtime)}`,
    `node kernel ${options.kernel}`,
    `Pod Security ${options.kubernetesVersion}${options.kubernetesVersion === 'latest' ? ` (rules ${rulesVersion})` : ''}`,
    `kubelet seccompDefault ${options.seccompDefault ? 'on' : 'off'}`,
    `AppArmor ${options.appArmor ? 'enabled' : 'disabled'} on the node`,
    `image USER ${user}`,
  ].join(' · ')
}

function effectiveUser(c: ContainerAnalysis): string {
  const setting = c.settings.runAsUser
  const uid = c.capabilities.uid
  const shown = uid === null ? 'unknown' : `${uid}${uid === 0 ? ' (root)' : ''}`
  const from =
    setting.source === 'default'
      ? 'image USER, assumed'
      : setting.source === 'pod'
        ? 'pod'
        : 'container'
  return `${shown}, from ${from}`
}

function capabilityNames(c: ContainerAnalysis): string {
  const caps = c.capabilities
  if (caps.CapEff === caps.runtimeDefault && caps.CapEff !== '0000000000000000') {
    return 'runtime default'
  }
  const names = caps.names.CapEff.map((n) => n.replace(/^CAP_/, ''))
  if (names.length === 0) return 'none'
  return names.length > 8 ? `${names.length} capabilities` : names.join(', ')
}

function seccomp(c: ContainerAnalysis): string {
  const value = c.settings.seccompProfile.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'unset'
  const type = typeof value.type === 'string' ? value.type : 'unset'
  return typeof value.localhostProfile === 'string' ? `${type} (${value.localhostProfile})` : type
}

function workloadTitle(w: Workload): string {
  return `${w.kind} ${w.name}${w.namespace ? ` (namespace ${w.namespace})` : ''}`
}

function workloadSection(w: Workload): string[] {
  const failing = w.podSecurity.checks.filter((c) => !c.allowed)
  const lines = [`### ${workloadTitle(w)}`, '']
  if (failing.length === 0) {
    lines.push(`Meets **restricted** at ${w.podSecurity.version}: every Pod Security check passes.`)
  } else {
    lines.push(
      `**${VERDICT[w.podSecurity.level]}** at ${w.podSecurity.version}. Failing checks:`,
      '',
    )
    for (const check of failing) {
      const info = PSS_CHECK_INFO[check.id]
      const upstream = [check.reason, check.detail].filter(Boolean).join(': ')
      lines.push(
        `- **${info.control}** (${check.level}, ${code(check.id)}): ${upstream.replace(/[\r\n]+/g, ' ')}`,
      )
    }
  }
  lines.push(
    '',
    '| Container | Effective user | CapEff | Effective capabilities | Seccomp | NoNewPrivs |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  for (const c of w.containers) {
    const role =
      c.type === 'container' ? '' : c.type === 'initContainer' ? ' (init)' : ' (ephemeral)'
    lines.push(
      `| ${cell(code(c.name))}${role} | ${cell(effectiveUser(c))} | ${code(c.capabilities.CapEff)} | ${cell(capabilityNames(c))} | ${cell(seccomp(c))} | ${c.capabilities.noNewPrivs} |`,
    )
  }
  return lines
}

/**
 * The review. `shareLink` is included when given, when a browser can carry it and when the review
 * still fits in a GitHub comment; otherwise a note says why it is missing.
 */
export function buildReviewMarkdown(analysis: Analysis, shareLink?: string): string {
  const { workloads, options } = analysis
  const rulesVersion = workloads[0]?.podSecurity.rulesVersion ?? ''
  const lines = ['## Security context review', '']
  if (workloads.length === 0) {
    lines.push('No workload found in the manifest.', '')
  } else {
    lines.push(
      `| Workload | Pod Security (${options.kubernetesVersion}) | Failing checks | Containers |`,
      '| --- | --- | --- | --- |',
    )
    for (const w of workloads) {
      const failing = w.podSecurity.checks.filter((c) => !c.allowed).length
      lines.push(
        `| ${cell(workloadTitle(w))} | ${VERDICT[w.podSecurity.level]} | ${failing} | ${cell(w.containers.map((c) => c.name).join(', '))} |`,
      )
    }
    lines.push('')
    for (const w of workloads) lines.push(...workloadSection(w), '')
  }
  const blocking = analysis.diagnostics.filter((d) => d.severity === 'error')
  if (blocking.length > 0) {
    lines.push('### Errors before the pod runs', '')
    for (const d of blocking) lines.push(`- ${d.source}: ${d.message.replace(/[\r\n]+/g, ' ')}`)
    lines.push('')
  }
  lines.push(`**Assumptions:** ${assumptions(options, rulesVersion)}`, '')
  const footer = 'Generated by Security Context Playground; nothing was sent to a server.'
  const body = lines.join('\n')
  if (shareLink !== undefined) {
    const withLink = `${body}[Open this manifest in the playground](${shareLink})\n\n${footer}\n`
    if (shareLink.length <= MAX_LINK_CHARS && withLink.length <= GITHUB_COMMENT_MAX_CHARS) {
      return withLink
    }
    return `${body}_The share link is left out: it is too long for a browser's address bar or a GitHub comment._\n\n${footer}\n`
  }
  return `${body}${footer}\n`
}
