import { describe, expect, it } from 'vitest'
import { parseDocuments } from './parse-documents.ts'

/** The 1-based line of the first YAML syntax error in `source`. */
function errorLine(source: string): number | undefined {
  const error = parseDocuments(source).diagnostics.find((d) => d.code === 'yaml-syntax')
  return error && source.slice(0, error.range[0]).split('\n').length
}

const POD = (line8: string, line9 = '      image: nginx') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: app',
    line8,
    line9,
    '',
  ].join('\n')

describe('YAML errors are reported on the line of the mistake', () => {
  it('a flow map missing its "}" on line 8 is reported on line 8, not where the parser noticed', () => {
    expect(errorLine(POD('      securityContext: { runAsNonRoot: true'))).toBe(8)
  })

  it('a flow sequence missing its "]", with a comment and a blank line before the next key', () => {
    const source = POD('      args: [a, b', '      # note\n\n      image: nginx')
    expect(errorLine(source)).toBe(8)
  })

  it('a flow map left open at the end of the text', () => {
    expect(errorLine(POD('      securityContext: { runAsNonRoot: true', ''))).toBe(8)
  })

  it('an unterminated quote is reported where the quote opens', () => {
    expect(errorLine(POD('      image: "nginx', '      imagePullPolicy: Always'))).toBe(8)
  })

  it('other errors keep the parser position', () => {
    expect(errorLine(POD('      image: nginx', '\timagePullPolicy: Always'))).toBe(9)
  })
})
