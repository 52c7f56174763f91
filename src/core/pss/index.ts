// Pod Security Standards evaluation, following kubernetes/pod-security-admission.
export { adviseWorkload } from './advise.ts'
export { checkPodAtLevel, evaluatePodSecurity } from './evaluate.ts'
export type { CheckFailure, LevelEvaluation } from './evaluate.ts'
export type { Locate, PodTemplateInput } from './pod-view.ts'
export { NEWEST_RULES_VERSION, parsePolicyVersion, POLICY_VERSIONS } from './version.ts'
