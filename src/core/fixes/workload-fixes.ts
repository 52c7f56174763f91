// Attaches one-click fixes to the failing Pod Security checks and the advisories of a workload.
import type { AdvisoryFinding } from '../advisories/advise.ts'
import type { PodSecurityEvaluation } from '../pss/evaluate.ts'
import type { Advisory, Fix, Path, PodSecurity } from '../types.ts'
import { containersPhrase } from '../util/go-format.ts'
import { capabilityList, isMiscasedAll, type PodView } from '../workloads/pod-view.ts'
import type { ParsedDocument } from '../yaml/parse-documents.ts'
import type { FixDraft } from '../pss/check.ts'
import { checkById } from '../pss/registry.ts'
import { createEditContext, memoComments } from '../yaml/edits/context.ts'
import type { EditContext } from '../yaml/edits/context.ts'
import { documentEditor, finishEdits, setValue } from '../yaml/edits/operations.ts'

export interface WorkloadFixInput {
  /** The whole analysed source. */
  source: string
  document: ParsedDocument
  /** Path of the pod template in its document. */
  templatePath: Path
  /** The pod view the checks and advisories were evaluated on. */
  view: PodView
  /** The Pod Security evaluation, with the failing outcomes and their paths. */
  evaluation: PodSecurityEvaluation
  /** The advisories as found, in the order of the public advisories. */
  findings: readonly AdvisoryFinding[]
  /** Index of the workload in the analysis, for fix ids. */
  workload: number
}

/**
 * Returns `podSecurity` and `advisories` with a `fix` on every failing check and advisory that has
 * one: text edits against `source` that make the finding go away when applied and re-analysed.
 * The fixes are written from the evaluation's outcomes and the advisories' paths. A fix whose
 * edits cannot be made safely is left out. Never throws.
 */
export function withFixes(
  input: WorkloadFixInput,
  advisories: Advisory[],
): { podSecurity: PodSecurity; advisories: Advisory[] } {
  const { podSecurity, failures, minor } = input.evaluation
  try {
    if (failures.size === 0 && advisories.length === 0) return { podSecurity, advisories }
    const ctx = editContext(input.source, input.document)
    const edit = documentEditor(ctx)
    const checks = podSecurity.checks.map((check) => {
      const outcome = failures.get(check.id)
      if (check.allowed || outcome === undefined) return check
      const fix = safely(() => {
        const draft = checkById(check.id)?.fix?.({
          edit,
          base: input.templatePath,
          view: input.view,
          outcome,
          minor,
        })
        return toFix(ctx, `${check.id}@${input.workload}`, draft)
      })
      return fix === undefined ? check : { ...check, fix }
    })
    const used = new Set<string>()
    const withAdvice = advisories.map((advisory, index) => {
      const finding = input.findings[index]
      const fix = safely(() => {
        if (finding === undefined) return undefined
        const draft = advisoryFixDraft(ctx, input.templatePath, finding)
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

/** Fixes for the advisories that have an unambiguous one (advise.ts codes), at their own paths. */
function advisoryFixDraft(
  ctx: EditContext,
  templatePath: Path,
  { draft, container }: AdvisoryFinding,
): FixDraft | undefined {
  const at = (path: Path): Path => [...templatePath, ...path]
  switch (draft.code) {
    case 'automount-token-unset':
      return {
        title: 'Set automountServiceAccountToken: false on the pod',
        parts: [setValue(ctx, at(draft.path), false)],
      }
    case 'readonly-root-fs':
      if (container === undefined) return undefined
      return {
        title: `Set readOnlyRootFilesystem: true on ${containersPhrase([container.name])}`,
        parts: [setValue(ctx, at(draft.path), true)],
      }
    case 'drop-all-case': {
      if (container === undefined) return undefined
      const item = capabilityList(container, 'drop').find(({ path }) => samePath(path, draft.path))
      if (item === undefined || !isMiscasedAll(item.name)) return undefined
      return {
        title: `Replace "${item.name}" with "ALL" in capabilities.drop of ${containersPhrase([container.name])}`,
        parts: [setValue(ctx, at(item.path), 'ALL')],
      }
    }
    default:
      // privileged-ape-unset: allowPrivilegeEscalation cannot be false while privileged, and
      // dropping privileged is the privileged check's fix. The rest needs numbers only the user
      // knows (limits, requests, a UID) or a change of design (hostPath mounts).
      return undefined
  }
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i])
}
