// Attaches one-click fixes to the failing Pod Security checks and the advisories of a workload.
import type { Advisory, Fix, Locate, Path, PodSecurity, PodTemplateInput } from '../types.ts'
import { capabilityList, isMiscasedAll } from '../workloads/pod-view.ts'
import { containersPhrase } from '../util/go-format.ts'
import { podView } from '../workloads/pod-view.ts'
import type { PodView } from '../workloads/pod-view.ts'
import { activeChecks } from '../pss/registry.ts'
import { rulesMinor } from '../pss/version.ts'
import type { ParsedDocument } from '../yaml/parse-documents.ts'
import { checkFixDraft } from './check-fixes.ts'
import type { FixDraft } from './check-fixes.ts'
import { createEditContext, memoComments } from '../yaml/edits/context.ts'
import type { EditContext } from '../yaml/edits/context.ts'
import { finishEdits, setValue } from '../yaml/edits/operations.ts'

export interface WorkloadFixInput {
  /** The whole analysed source. */
  source: string
  document: ParsedDocument
  /** Path of the pod template in its document. */
  templatePath: Path
  pod: PodTemplateInput
  /** Locates paths relative to the pod template (as the advisories were located). */
  locate: Locate
  /** Index of the workload in the analysis, for fix ids. */
  workload: number
}

/**
 * Returns `podSecurity` and `advisories` with a `fix` on every failing check and advisory that has
 * one: text edits against `source` that make the finding go away when applied and re-analysed.
 * A fix whose edits cannot be made safely is left out. Never throws.
 */
export function withFixes(
  input: WorkloadFixInput,
  podSecurity: PodSecurity,
  advisories: Advisory[],
): { podSecurity: PodSecurity; advisories: Advisory[] } {
  try {
    if (!podSecurity.checks.some((c) => !c.allowed) && advisories.length === 0) {
      return { podSecurity, advisories }
    }
    const ctx = editContext(input.source, input.document)
    const view = podView(input.pod)
    const minor = rulesMinor(podSecurity.version)
    const checks = podSecurity.checks.map((check) => {
      if (check.allowed) return check
      const fix = safely(() => {
        const outcome = activeChecks(minor)
          .find((active) => active.id === check.id)
          ?.run(view)
        if (outcome === undefined || outcome.allowed) return undefined
        const draft = checkFixDraft(check.id, {
          ctx,
          base: input.templatePath,
          view,
          outcome,
          minor,
        })
        return toFix(ctx, `${check.id}@${input.workload}`, draft)
      })
      return fix === undefined ? check : { ...check, fix }
    })
    const used = new Set<string>()
    const withAdvice = advisories.map((advisory) => {
      const fix = safely(() => {
        const draft = advisoryFixDraft(ctx, input, view, advisory)
        let id = `${advisory.code}@${input.workload}:${advisory.container ?? 'pod'}`
        for (let n = 2; used.has(id); n++)
          id = `${advisory.code}@${input.workload}:${advisory.container ?? 'pod'}#${n}`
        used.add(id)
        return toFix(ctx, id, draft)
      })
      return fix === undefined ? advisory : { ...advisory, fix }
    })
    return { podSecurity: { ...podSecurity, checks }, advisories: withAdvice }
  } catch {
    return { podSecurity, advisories }
  }
}

function safely(make: () => Fix | undefined): Fix | undefined {
  try {
    return make()
  } catch {
    return undefined
  }
}

function toFix(ctx: EditContext, id: string, draft: FixDraft | undefined): Fix | undefined {
  if (draft === undefined) return undefined
  const edits = finishEdits(ctx, draft.parts)
  return edits === undefined ? undefined : { id, title: draft.title, edits }
}

// Edit contexts are shared by the workloads of one document, and comment ranges by the documents
// of one source (the last source analysed is remembered).
const contexts = new WeakMap<object, EditContext>()
let lastComments: { source: string; comments: ReturnType<typeof memoComments> } | undefined

function editContext(source: string, document: ParsedDocument): EditContext {
  const cached = contexts.get(document.yaml)
  if (cached !== undefined && cached.source === source) return cached
  if (lastComments?.source !== source) lastComments = { source, comments: memoComments(source) }
  const ctx = createEditContext(source, document.yaml, lastComments.comments)
  contexts.set(document.yaml, ctx)
  return ctx
}

/** Fixes for the advisories that have an unambiguous one (advise.ts codes). */
function advisoryFixDraft(
  ctx: EditContext,
  input: WorkloadFixInput,
  view: PodView,
  advisory: Advisory,
): FixDraft | undefined {
  const at = (path: Path): Path => [...input.templatePath, ...path]
  const sameRange = (path: Path): boolean => {
    const range = input.locate(path)
    return range[0] === advisory.range[0] && range[1] === advisory.range[1]
  }
  const containers = view.containers.filter((c) => c.name === advisory.container)
  switch (advisory.code) {
    case 'automount-token-unset':
      return {
        title: 'Set automountServiceAccountToken: false on the pod',
        parts: [setValue(ctx, at(['spec', 'automountServiceAccountToken']), false)],
      }
    case 'readonly-root-fs': {
      const c = containers.find((c) => sameRange([...c.scPath, 'readOnlyRootFilesystem']))
      if (c === undefined) return undefined
      return {
        title: `Set readOnlyRootFilesystem: true on ${containersPhrase([c.name])}`,
        parts: [setValue(ctx, at([...c.scPath, 'readOnlyRootFilesystem']), true)],
      }
    }
    case 'drop-all-case': {
      for (const c of containers) {
        const item = capabilityList(c, 'drop').find(
          ({ name, path }) => isMiscasedAll(name) && sameRange(path),
        )
        if (item === undefined) continue
        return {
          title: `Replace "${item.name}" with "ALL" in capabilities.drop of ${containersPhrase([c.name])}`,
          parts: [setValue(ctx, at(item.path), 'ALL')],
        }
      }
      return undefined
    }
    default:
      // privileged-ape-unset: allowPrivilegeEscalation cannot be false while privileged, and
      // dropping privileged is the privileged check's fix. The rest needs numbers only the user
      // knows (limits, requests, a UID) or a change of design (hostPath mounts).
      return undefined
  }
}
