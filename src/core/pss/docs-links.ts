// The kubernetes.io pages the check catalogue links to.

/** The Pod Security Standards page, which explains every control. */
export const PSS_PAGE = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'
export const BASELINE_DOCS = `${PSS_PAGE}#baseline`
export const RESTRICTED_DOCS = `${PSS_PAGE}#restricted`
export const SECURITY_CONTEXT =
  'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'
export const CAPABILITIES_DOCS = `${SECURITY_CONTEXT}#set-capabilities-for-a-container`
export const SECCOMP_DOCS = 'https://kubernetes.io/docs/tutorials/security/seccomp/'
